using System.Text.RegularExpressions;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;
using SentinelAiPack.TestSupport.Repository;
using YamlDotNet.RepresentationModel;

namespace SentinelAiPack.Content.Tests.Pack;

/// <summary>
/// The parsers advertise fallback sources for customers without the pack's custom tables (API Management,
/// OpenTelemetry in Application Insights, Copilot audit, Azure diagnostics, AWS logs, Defender XDR and proxy logs).
/// Every source a parser reads directly must be exercised by the sample events of at least one analytics rule or
/// hunting query that reads the parser (directly or through another parser), or that leg is untested.
/// </summary>
public class FallbackSourceCoverageTests
{
    /// <summary>Source families; a family is covered when a case gives rows for any of its tables.</summary>
    private static readonly string[][] Families =
    [
        ["ApiManagementGatewayLlmLog"], ["ApiManagementGatewayLogs"], ["ApiManagementGatewayMCPLog"],
        ["AppDependencies"], ["AppRequests"], ["CopilotActivity", "LLMActivity"], ["AzureDiagnostics"],
        ["AWSCloudTrail"], ["AWSCloudWatch"], ["CloudAppEvents"], ["DeviceNetworkEvents"], ["CommonSecurityLog"],
    ];

    private static readonly Lazy<ContentSet> Content = new(() => ContentLoader.Load([RepositoryPaths.Detections]));

    private static IReadOnlyDictionary<string, string> ParserBodies() =>
        Content.Value.Parsers.Where(p => p.FunctionName is not null)
            .ToDictionary(p => p.FunctionName!.Value, p => p.Query!.Text, StringComparer.Ordinal);

    private static bool Calls(string text, string function) => Regex.IsMatch(text, @"\b" + Regex.Escape(function) + @"\s*\(");

    private static bool Reads(string text, string table) => Regex.IsMatch(text, @"\b" + Regex.Escape(table) + @"\b");

    /// <summary>The parsers a query calls, directly or through the parsers it calls.</summary>
    private static HashSet<string> ParsersReadBy(string query, IReadOnlyDictionary<string, string> parsers)
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([query]);
        while (pending.TryDequeue(out var text))
        {
            foreach (var name in parsers.Keys.Where(n => !read.Contains(n) && Calls(text, n)))
            {
                read.Add(name);
                pending.Enqueue(parsers[name]);
            }
        }
        return read;
    }

    /// <summary>The tables the cases of a tests file give rows for.</summary>
    private static HashSet<string> CaseTables(string testsPath)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(testsPath))
        {
            stream.Load(reader);
        }
        var tables = new HashSet<string>(StringComparer.Ordinal);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (var testCase in ((YamlSequenceNode)root["cases"]).Cast<YamlMappingNode>())
        {
            if (testCase.Children.TryGetValue("data", out var data) && data is YamlMappingNode tablesNode)
            {
                tables.UnionWith(tablesNode.Children.Keys.Select(k => ((YamlScalarNode)k).Value!));
            }
        }
        return tables;
    }

    public static IEnumerable<TestCaseData> SourceLegs()
    {
        var parsers = ParserBodies();
        foreach (var (parser, body) in parsers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var family in Families.Where(f => f.Any(t => Reads(body, t))))
            {
                yield return new TestCaseData(parser, family).SetName($"{parser} leg {string.Join("/", family)} is tested by a rule");
            }
        }
    }

    [TestCaseSource(nameof(SourceLegs))]
    public void Parser_source_leg_has_rule_sample_events(string parser, string[] family)
    {
        var parsers = ParserBodies();
        var covering = Content.Value.Items.OfType<DetectionTemplate>()
            .Where(i => i.Query is not null && ParsersReadBy(i.Query.Text, parsers).Contains(parser))
            .Select(i => (Item: i, Tests: Path.ChangeExtension(i.FilePath, ".tests.yaml")))
            .Where(x => File.Exists(x.Tests) && CaseTables(x.Tests).Overlaps(family))
            .Select(x => Path.GetFileNameWithoutExtension(x.Item.FilePath))
            .ToList();

        Assert.That(covering, Is.Not.Empty,
            $"no analytics rule or hunting query that reads {parser} has a test case with rows in {string.Join(" or ", family)}");
    }

    [Test]
    public void The_advertised_fallback_sources_are_read_by_the_parsers()
    {
        var legs = SourceLegs().Select(c => (string)c.Arguments[0]! + ":" + string.Join("/", (string[])c.Arguments[1]!)).ToList();

        Assert.That(legs, Is.SupersetOf(new[]
        {
            "AIConversationTurns:ApiManagementGatewayLlmLog", "AIConversationTurns:AppDependencies",
            "AIConversationTurns:CopilotActivity/LLMActivity", "AIToolCalls:ApiManagementGatewayMCPLog", "AIToolCalls:AppRequests",
            "AIRetrievals:AWSCloudTrail", "AIModelInventory:AzureDiagnostics",
        }));
    }
}
