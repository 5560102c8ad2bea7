using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine.Compilation;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Coverage;

/// <summary>
/// Measures which corpus queries the engine can compile. Queries with syntax errors are not counted. The rest
/// compile leniently (<see cref="CompileOptions.Lenient"/>): tables the schema set does not know are opaque and
/// their columns untyped, so the measurement is about the operators and functions the engine supports.
/// </summary>
public sealed class EngineSupportAnalyzer(IKqlTreeSource trees, SchemaSet? schemas = null)
{
    private static readonly CompileOptions Options = new() { Lenient = true };

    public async Task<EngineSupportReport> AnalyzeAsync(IReadOnlyList<CorpusQuery> queries, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new List<QuerySupport>(queries.Count);
        foreach (var query in queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(await AnalyzeAsync(query, cancellationToken).ConfigureAwait(false));
            progress?.Report(results.Count);
        }
        return new EngineSupportReport(results);
    }

    public async Task<QuerySupport> AnalyzeAsync(CorpusQuery query, CancellationToken cancellationToken)
    {
        ExportedTree tree;
        try
        {
            tree = await trees.ExportAsync(query.Text, schemas, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Kql.Hosting.KqlHostException e)
        {
            return new QuerySupport(query.Source, false, false, "analyzer failure: " + e.Message);
        }
        if (tree.SyntaxErrorCount > 0)
        {
            return new QuerySupport(query.Source, false, false, null);
        }
        var result = KqlEngine.Compile(tree, Options);
        if (result.Success)
        {
            return new QuerySupport(query.Source, true, true, null);
        }
        return new QuerySupport(query.Source, true, false, result.Unsupported ?? "compile error: " + result.Diagnostics[0].Message);
    }
}
