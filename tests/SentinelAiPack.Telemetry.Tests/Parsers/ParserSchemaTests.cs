using System.Text.Json;
using System.Text.RegularExpressions;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Kql;
using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Telemetry.Tests.Parsers;

/// <summary>
/// Every parser validates cleanly with the official analyzer against the pack's schemas, and its output is exactly
/// its documented normalized schema (<c>detections/parsers/&lt;Name&gt;.schema.json</c>): the function as a whole,
/// with fuzzy unions made strict, and every leg of its source union on its own (the analyzer merges some type
/// conflicts between union legs silently, so the legs are checked one by one).
/// </summary>
public partial class ParserSchemaTests
{
    public static IEnumerable<string> ParserNames() =>
        Directory.EnumerateFiles(RepositoryPaths.Parsers, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    private static FunctionSchema Parser(string name) =>
        AnalyzerFixture.Schemas.FindFunction(name) ?? throw new AssertionException($"parser {name} not loaded");

    private static IReadOnlyList<string> Documented(string name)
    {
        var path = Path.Combine(RepositoryPaths.Parsers, name + ".schema.json");
        var diagnostics = new DiagnosticBag(path);
        var function = SchemaLoader.LoadFile(path, diagnostics).Functions.Single();
        Assert.That(diagnostics.Items, Is.Empty, path);
        Assert.That(function.Name, Is.EqualTo(name));
        return [.. function.OutputColumns!.Select(c => c.Name + ":" + c.Type)];
    }

    private static async Task<KqlAnalysis> Analyze(KqlRequest request) =>
        (await AnalyzerFixture.Analyzer.AnalyzeAsync([request], AnalyzerFixture.Schemas))[0];

    private static string Describe(IEnumerable<KqlDiagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"{d.Severity} {d.Code} at {d.Start}: {d.Message}"));

    [Test]
    public void Every_parser_has_a_documented_schema_and_the_pack_parsers_exist()
    {
        Assert.That(ParserNames(), Is.EquivalentTo(new[]
        {
            "AIAgentConfigurationChanges", "AIContentSafetyVerdicts", "AIConversationTurns", "AIDefenderAlerts", "AIGatewayRequests",
            "AIKnowledgeBaseWrites", "AIModelArtifactWrites", "AIModelDeployments", "AIModelInventory", "AIModelInvocations",
            "AIOutputMetrics", "AIRetrievals", "AIServiceAccess", "AITextAttackSignals", "AIToolCalls", "AITrainingActivity",
        }));
        foreach (var name in ParserNames())
        {
            Assert.That(File.Exists(Path.Combine(RepositoryPaths.Parsers, name + ".schema.json")), Is.True, name);
        }
    }

    [TestCaseSource(nameof(ParserNames))]
    public async Task Parser_body_has_no_analyzer_error_or_warning(string name)
    {
        var parser = Parser(name);

        var result = await Analyze(KqlRequest.ForFunctionBody(name, parser.Body!, parser.Parameters));

        Assert.That(result.Failure, Is.Null);
        Assert.That(result.Diagnostics.Where(d => d.Severity is KqlSeverity.Error or KqlSeverity.Warning), Is.Empty, Describe(result.Diagnostics));
    }

    [TestCaseSource(nameof(ParserNames))]
    public async Task Calling_the_parser_gives_its_documented_schema(string name)
    {
        var result = await Analyze(new KqlRequest(name, name + "()"));

        Assert.That(result.Diagnostics.Where(d => d.Severity == KqlSeverity.Error), Is.Empty, Describe(result.Diagnostics));
        Assert.That(result.OutputColumns.Select(c => c.Name + ":" + c.Type), Is.EqualTo(Documented(name)));
    }

    [TestCaseSource(nameof(ParserNames))]
    public async Task Every_source_leg_projects_the_documented_schema(string name)
    {
        var parser = Parser(name);
        var body = parser.Body!;
        var union = SourceUnion().Match(body);
        Assert.That(union.Success, Is.True, "the parser ends its sources with 'union isfuzzy=true Empty, ...'");
        var prefix = body[..(body.LastIndexOf(';', union.Index) + 1)];
        var legs = union.Groups["legs"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.That(legs, Is.Not.Empty);

        var expected = Documented(name);
        var strict = body.Replace(union.Value, union.Value.Replace("isfuzzy=true", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var checks = new List<(string What, string Text)> { ("strict union", strict), ("Empty", prefix + "\nEmpty") };
        checks.AddRange(legs.Select(leg => (leg, prefix + "\n" + leg)));
        foreach (var (what, text) in checks)
        {
            var result = await Analyze(KqlRequest.ForFunctionBody(name + "/" + what, text, parser.Parameters));
            Assert.That(result.Diagnostics.Where(d => d.Severity == KqlSeverity.Error), Is.Empty, $"{what}: {Describe(result.Diagnostics)}");
            Assert.That(result.OutputColumns.Select(c => c.Name + ":" + c.Type), Is.EqualTo(expected), what);
        }
    }

    [TestCaseSource(nameof(ParserNames))]
    public void Parser_file_follows_the_solution_parser_dialect(string name)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Parsers, name + ".yaml"));
        var parser = Parser(name);

        Assert.That(text, Does.Contain("Category: Microsoft Sentinel Parser"));
        Assert.That(text, Does.Contain($"FunctionName: {name}\n").And.Contain($"FunctionAlias: {name}\n"));
        Assert.That(Regex.Match(text, @"^id: ([0-9a-f-]{36})$", RegexOptions.Multiline).Success, Is.True, "id is a GUID");
        Assert.That(parser.Parameters.Take(2).Select(p => $"{p.Name}:{p.Type}={p.DefaultValue}"),
            Is.EqualTo(new[] { "starttime:datetime=datetime(null)", "endtime:datetime=datetime(null)" }));
    }

    [Test]
    public void Parser_ids_are_unique()
    {
        var ids = ParserNames().Select(n => Regex.Match(File.ReadAllText(Path.Combine(RepositoryPaths.Parsers, n + ".yaml")), @"^id: (\S+)$", RegexOptions.Multiline).Groups[1].Value).ToList();

        Assert.That(ids, Is.Unique);
    }

    [TestCaseSource(nameof(ParserNames))]
    public void Documented_parameters_are_the_parser_parameters(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Parsers, name + ".schema.json")));
        var documented = document.RootElement.GetProperty("FunctionParameters").EnumerateArray()
            .Select(p => $"{p.GetProperty("Name").GetString()}:{p.GetProperty("Type").GetString()}={p.GetProperty("Default").GetString()}");

        Assert.That(documented, Is.EqualTo(Parser(name).Parameters.Select(p => $"{p.Name}:{p.Type}={p.DefaultValue}")));
    }

    [GeneratedRegex(@"union\s+isfuzzy=true\s+Empty\s*,(?<legs>[^;|)]+)")]
    private static partial Regex SourceUnion();
}
