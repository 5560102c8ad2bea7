using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Patterns.Loading;

namespace SentinelAiPack.Patterns.Tests;

/// <summary>Bad family files give a finding with the file, line and problem, never an exception; the other files still load.</summary>
public class PatternLibraryReaderTests
{
    private const string Valid = """
        family: TestFamily
        title: Test
        description: A test family.
        falsePositives: None known.
        sources: [UserPrompt]
        patterns:
          - name: one
            score: 50
            regex: '(?i)\bzork\b'
        examples:
          - { expect: attack, text: "zork" }
        """;

    private static (Model.PatternFamily? Family, IReadOnlyList<Diagnostic> Diagnostics) Read(string text)
    {
        var bag = new DiagnosticBag("family.yaml");
        var (family, _) = PatternLibraryReader.ReadText(text, "family.yaml", bag);
        return (family, bag.Items);
    }

    [Test]
    public void A_valid_family_loads()
    {
        var (family, diagnostics) = Read(Valid);

        Assert.That(diagnostics, Is.Empty);
        Assert.That(family!.Patterns.Single().Score, Is.EqualTo(50));
        Assert.That(family.Examples.Single().Source, Is.EqualTo("UserPrompt"));
    }

    [TestCase("regex: '(?i)\\bzork\\b'", "regex: '(?<=x)zork'", "SAP5051", 9)]
    [TestCase("regex: '(?i)\\bzork\\b'", "regex: '(zork'", "SAP5052", 9)]
    [TestCase("score: 50", "score: 500", "SAP5050", 8)]
    [TestCase("score: 50", "score: high", "SAP5009", 8)]
    [TestCase("sources: [UserPrompt]", "sources: [Email]", "SAP5050", 5)]
    [TestCase("family: TestFamily", "family: test family", "SAP5050", 1)]
    [TestCase("{ expect: attack, text: \"zork\" }", "{ expect: maybe, text: \"zork\" }", "SAP5050", 11)]
    public void Problems_are_reported_with_code_and_line(string replace, string with, string code, int line)
    {
        var (family, diagnostics) = Read(Valid.Replace(replace, with, StringComparison.Ordinal));

        Assert.That(diagnostics.Select(d => (d.Code, d.Span.Line)), Has.Member((code, line)), string.Join("\n", diagnostics.Select(d => $"{d.Code} {d.Span.Line} {d.Message}")));
        if (code != "SAP5009" && !with.StartsWith("{ expect", StringComparison.Ordinal))
        {
            Assert.That(family, Is.Null, "a family with errors is not used");
        }
    }

    [TestCase("")]
    [TestCase("just text")]
    [TestCase("family: [unclosed")]
    [TestCase("\0\0binary")]
    public void Hostile_or_malformed_files_give_findings_not_exceptions(string text)
    {
        var (family, diagnostics) = Read(text);

        Assert.That(family, Is.Null);
        Assert.That(diagnostics, Is.Not.Empty);
    }

    [Test]
    public void A_folder_with_a_broken_file_still_loads_the_others()
    {
        var folder = Directory.CreateTempSubdirectory("aipack-patterns-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "good.yaml"), Valid);
            File.WriteAllText(Path.Combine(folder, "bad.yaml"), "family: [unclosed");
            var library = PatternLibraryReader.Load(folder);

            Assert.That(library.Families.Select(f => f.Name), Is.EqualTo(new[] { "TestFamily" }));
            Assert.That(library.Diagnostics.Select(d => Path.GetFileName(d.FilePath)), Has.Member("bad.yaml"));
            Assert.That(library.Diagnostics.Select(d => d.Message), Has.Some.Contains("no settings file"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
