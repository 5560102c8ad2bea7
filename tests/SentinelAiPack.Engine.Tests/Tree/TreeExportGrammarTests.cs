using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelAiPack.Engine.Tree;
using SentinelAiPack.Kql;

namespace SentinelAiPack.Engine.Tests.Tree;

/// <summary>
/// The tree export skips building the editor completion grammar (about 1.4 s on a fresh engine, 20-analyze.js).
/// The grammar is never read by the parser or binder, so the exported trees must be identical with and without it.
/// </summary>
public sealed class TreeExportGrammarTests
{
    private static readonly string[] Shapes =
    [
        "print x = 1",
        "range i from 1 to 5 step 1 | extend p = prev(i), n = next(i, 2) | as R | join kind=inner (R) on i",
        "let T = datatable(a:string, b:long)['x', 1, 'y', 2]; T | summarize arg_max(b, *), any = countif(b > 1) > 0 by a",
        "datatable(d:dynamic)[dynamic([1,2])] | mv-apply e = d to typeof(long) on (summarize s = sum(e))",
        "print s = strcat('a', 'b') | parse s with x:string 'b' | where x has 'a' | project-away s",
        ".show tables",
    ];

    [Test]
    public async Task Trees_are_identical_with_and_without_the_completion_grammar()
    {
        var schemas = PackContent.Schemas;
        // Every sixth of the pack's rules and hunting queries (all of them take ~40 s on two engines): parser calls,
        // joins, summarize, mv-apply, as in the trees `aipack test` exports.
        var pack = PackContent.Content.Templates.OrderBy(t => t.FilePath, StringComparer.Ordinal)
            .Select(t => t.Query?.Text ?? "").Where(q => q.Length > 0).Where((_, i) => i % 6 == 0).ToArray();
        var queries = Shapes.Concat(pack).ToArray();
        using var skipping = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 1 });
        using var building = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 1 });
        var differences = new List<string>();
        foreach (var query in queries)
        {
            var skipped = await ExportAsync(skipping, query, schemas, grammarSkip: true);
            var built = await ExportAsync(building, query, schemas, grammarSkip: false);
            if (!JsonNode.DeepEquals(skipped, built))
            {
                differences.Add(query.Length > 80 ? query[..80] + "..." : query);
            }
        }
        Assert.That(differences, Is.Empty);
        Assert.That(pack, Has.Length.GreaterThan(10), "the pack's rules and hunting queries were compared");
    }

    /// <summary>The exported tree without its timings (the only part that may differ).</summary>
    private static async Task<JsonNode?> ExportAsync(KqlHostPool pool, string query, Content.Schemas.SchemaSet schemas, bool grammarSkip)
    {
        var answer = await pool.CallAsync("exportTree", TreeJson.Request(query, schemas.Fingerprint, null, grammarSkip), schemas, default);
        var tree = JsonNode.Parse(JsonSerializer.Deserialize<string>(answer)!, documentOptions: new JsonDocumentOptions { MaxDepth = 4096 })!;
        tree.AsObject().Remove("timings");
        return tree;
    }
}
