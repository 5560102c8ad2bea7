using System.Text.Json;

namespace SentinelAiPack.Kql.Tests;

public class CorpusTests
{
    [Test]
    public async Task Every_corpus_query_is_analyzed_and_917_are_free_of_syntax_errors()
    {
        var queries = Corpus.LoadOrIgnore();
        var schemas = TestSchemas.Create();
        var requests = queries.Select((q, i) => new KqlRequest("c" + i, q) { WantBestPractices = true }).ToArray();

        var results = await SharedPool.Analyzer.AnalyzeAsync(requests, schemas);
        var inJs = await SharedPool.Analyzer.BenchLoopAsync(queries, schemas, KqlAnalysisMode.Query);

        Assert.That(results, Has.Count.EqualTo(1026));
        Assert.That(results.Where(r => r.Failure is not null).Select(r => r.Id + ": " + r.Failure), Is.Empty);
        var clean = results.Count(r => !r.HasSyntaxErrors);
        Assert.That(clean, Is.EqualTo(917));
        Assert.That(clean, Is.EqualTo(inJs.SyntaxClean), "syntax-clean count in C# equals the one counted inside JS");
        Assert.That(results.Sum(r => r.Diagnostics.Count), Is.EqualTo(inJs.DiagnosticCount), "no diagnostic lost or invented between JS and C#");
    }

    [Test]
    public async Task Skipping_the_completion_grammar_changes_no_diagnostic()
    {
        // Two fresh single-engine pools: one never builds the completion grammar for queries, the other always does.
        var texts = Corpus.LoadOrIgnore().Concat(GrammarSensitiveQueries()).ToArray();
        var schemas = TestSchemas.Create();
        var requests = texts.Select((t, i) => new KqlRequest("g" + i, t)).ToArray();

        var both = await Task.WhenAll(
            Task.Run(() => AnalyzeRawAsync(requests, schemas, grammarSkip: true)),
            Task.Run(() => AnalyzeRawAsync(requests, schemas, grammarSkip: false)));
        var (skipped, built) = (both[0], both[1]);

        Assert.That(skipped, Has.Length.EqualTo(requests.Length));
        for (var i = 0; i < requests.Length; i++)
        {
            Assert.That(skipped[i], Is.EqualTo(built[i]), () => "query " + i + ": " + Shorten(texts[i]));
        }
    }

    private static IEnumerable<string> GrammarSensitiveQueries()
    {
        yield return ".show tables";
        yield return ".show database schema as json";
        yield return ".create table T (a:string)";
        yield return ".show tables | where TableName startswith 'A'";
        yield return string.Concat(Enumerable.Repeat("(", 1500)) + "1" + string.Concat(Enumerable.Repeat(")", 1500));
        yield return "print " + string.Concat(Enumerable.Repeat("(", 1500)) + "x" + string.Concat(Enumerable.Repeat(")", 1500));
        yield return "SigninLogs | where " + string.Join(" and ", Enumerable.Repeat("isnotempty(IPAddress)", 600));
        yield return "#connect cluster('x').database('y')";
        yield return "";
    }

    // The whole analyze response for each query as JSON text, so "identical" means byte-identical.
    private static async Task<string[]> AnalyzeRawAsync(KqlRequest[] requests, Content.Schemas.SchemaSet schemas, bool grammarSkip)
    {
        using var pool = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 1 });
        var request = KqlAnalyzer.ToRequest(schemas.Fingerprint, requests, 0, requests.Length) with { GrammarSkip = grammarSkip };
        var json = await pool.CallAsync("analyze", JsonSerializer.Serialize(request, ShimJson.Default.AnalyzeRequest), schemas);
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("results").EnumerateArray().Select(e => e.GetRawText()).ToArray();
    }

    private static string Shorten(string text) => text.Length < 200 ? text : text[..200] + "...";
}
