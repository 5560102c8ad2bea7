using SentinelAiPack.Content.Model;
using YamlDotNet.RepresentationModel;

namespace SentinelAiPack.Content.Tests.Pack;

/// <summary>
/// Every analytics rule ships attack and benign sample events (issue 16's "Done means"): its tests file has at least
/// one case that must fire and at least one that must stay silent, so a rule that fires on everything fails its own
/// tests.
/// </summary>
public class SampleCasePolicyTests
{
    public static IEnumerable<TestCaseData> AnalyticRules() => PackRules.Rules
        .Select(r => new TestCaseData(r).SetArgDisplayNames(Path.GetFileNameWithoutExtension(r.FilePath)));

    [TestCaseSource(nameof(AnalyticRules))]
    public void Rule_has_a_case_that_fires_and_one_that_stays_silent(AnalyticRule rule)
    {
        var testsPath = Path.ChangeExtension(rule.FilePath, ".tests.yaml");
        Assert.That(File.Exists(testsPath), Is.True, $"{testsPath} is missing");

        var expectations = Expectations(testsPath);
        Assert.Multiple(() =>
        {
            Assert.That(expectations, Does.Contain("fires"), "no attack case (expect: fires)");
            Assert.That(expectations, Does.Contain("silent"), "no benign case (expect: silent)");
        });
    }

    private static List<string> Expectations(string testsPath)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(testsPath))
        {
            stream.Load(reader);
        }
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return ((YamlSequenceNode)root["cases"]).Cast<YamlMappingNode>()
            .Select(c => c.Children.TryGetValue("expect", out var e) && e is YamlScalarNode s ? s.Value ?? "" : "")
            .ToList();
    }
}
