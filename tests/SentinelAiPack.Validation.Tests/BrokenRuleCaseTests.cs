using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Validation.Templates;

namespace SentinelAiPack.Validation.Tests;

/// <summary>
/// Cases/&lt;CODE&gt;[-variant]/ holds a broken and a fixed twin (broken.yaml/fixed.yaml, or broken/ and fixed/ folders
/// for constraints that span files). The broken one must produce findings of exactly that code; the fixed one none.
/// </summary>
public class BrokenRuleCaseTests
{
    private static string CasesRoot => Path.Combine(AppContext.BaseDirectory, "Cases");

    private static IEnumerable<TestCaseData> Cases() =>
        Directory.EnumerateDirectories(Path.Combine(AppContext.BaseDirectory, "Cases"))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(name => new TestCaseData(name).SetName($"Case {name}"));

    internal static IReadOnlyList<Diagnostic> Run(string path)
    {
        var content = ContentLoader.Load([path]);
        return [.. content.Diagnostics, .. TemplateValidator.Validate(content)];
    }

    private static string Side(string caseName, string side)
    {
        var folder = Path.Combine(CasesRoot, caseName, side);
        return Directory.Exists(folder) ? folder : folder + ".yaml";
    }

    [TestCaseSource(nameof(Cases))]
    public void Broken_twin_fails_for_exactly_its_code(string caseName)
    {
        var code = caseName.Split('-')[0];
        var findings = Run(Side(caseName, "broken"));

        Assert.That(findings, Is.Not.Empty, "the broken twin must fail");
        Assert.That(findings.Select(f => f.Code).Distinct(), Is.EqualTo(new[] { code }), Describe(findings));
        Assert.That(findings.All(f => f.Span.IsKnown), Is.True, "every finding points into the file");
    }

    [TestCaseSource(nameof(Cases))]
    public void Fixed_twin_passes(string caseName)
    {
        var findings = Run(Side(caseName, "fixed"));

        Assert.That(findings, Is.Empty, Describe(findings));
    }

    [Test]
    public void Every_template_code_has_a_case()
    {
        var covered = Directory.EnumerateDirectories(CasesRoot).Select(d => Path.GetFileName(d).Split('-')[0]).ToHashSet();

        Assert.That(TemplateCodes.All.Select(d => d.Code).Where(code => !covered.Contains(code)), Is.Empty);
    }

    [Test]
    public void Every_rule_in_the_registry_has_a_distinct_code_and_a_description()
    {
        var rules = TemplateRuleRegistry.All;

        Assert.That(rules.Select(r => r.Descriptor.Code), Is.Unique);
        Assert.That(rules.Select(r => r.Descriptor), Is.EquivalentTo(TemplateCodes.All));
        Assert.That(rules.All(r => r.Description.Length is > 10 and < 200), Is.True);
    }

    internal static string Describe(IEnumerable<Diagnostic> findings) =>
        string.Join(Environment.NewLine, findings.Select(f => $"{Path.GetFileName(f.FilePath)}:{f.Span.Line}:{f.Span.Column} {f.Code} {f.Message}"));
}
