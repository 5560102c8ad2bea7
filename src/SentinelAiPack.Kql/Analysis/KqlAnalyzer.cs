using System.Text.Json;
using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Kql;

/// <summary>
/// Runs the official analyzer on a <see cref="KqlHostPool"/>: the batch is cut into chunks that the pool's engines
/// take in turn, so a large content set uses every core while small batches stay on one engine.
/// </summary>
public sealed class KqlAnalyzer(KqlHostPool pool) : IKqlAnalyzer
{
    private const int MaxChunk = 32;

    public KqlHostPool Pool { get; } = pool;

    public async Task<IReadOnlyList<KqlAnalysis>> AnalyzeAsync(IReadOnlyList<KqlRequest> requests, SchemaSet schemas, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(schemas);
        if (requests.Count == 0)
        {
            return [];
        }
        var perEngine = Math.Max(1, Pool.Options.RequestsPerExtraEngine);
        var workers = Math.Min(Pool.Options.MaxEngines, (requests.Count + perEngine - 1) / perEngine);
        // Several chunks per engine keep engines busy to the end when query costs differ widely.
        var chunk = Math.Clamp(requests.Count / (workers * 8), 1, MaxChunk);
        var chunks = (requests.Count + chunk - 1) / chunk;
        var key = schemas.Fingerprint;

        var answers = await Pool.RunAsync(chunks, workers, (engine, index) =>
        {
            var start = index * chunk;
            var count = Math.Min(chunk, requests.Count - start);
            var json = JsonSerializer.Serialize(ToRequest(key, requests, start, count), ShimJson.Default.AnalyzeRequest);
            var response = engine.Call("analyze", json, schemas, cancellationToken);
            return JsonSerializer.Deserialize(response, ShimJson.Default.AnalyzeResponse)?.Results
                ?? throw new Hosting.KqlHostException("The analyze handler returned no results.");
        }, cancellationToken).ConfigureAwait(false);

        var results = new KqlAnalysis[requests.Count];
        for (var i = 0; i < chunks; i++)
        {
            answers[i].ToArray().CopyTo(results, i * chunk);
        }
        return results;
    }

    /// <summary>Runs the shim's bare analyzer loop over <paramref name="texts"/> on one engine (benchmarks, consistency checks).</summary>
    public async Task<KqlBenchLoopResult> BenchLoopAsync(IReadOnlyList<string> texts, SchemaSet? schemas, KqlAnalysisMode mode, CancellationToken cancellationToken = default)
    {
        var request = new BenchLoopRequest(schemas?.Fingerprint, texts, ModeName(mode));
        var response = await Pool.CallAsync("benchLoop", JsonSerializer.Serialize(request, ShimJson.Default.BenchLoopRequest), schemas, cancellationToken)
            .ConfigureAwait(false);
        return JsonSerializer.Deserialize(response, ShimJson.Default.KqlBenchLoopResult)!;
    }

    internal static AnalyzeRequest ToRequest(string schemaKey, IReadOnlyList<KqlRequest> requests, int start, int count)
    {
        var queries = new ShimQuery[count];
        for (var i = 0; i < count; i++)
        {
            var r = requests[start + i];
            queries[i] = new ShimQuery(r.Id, r.Text ?? "", ModeName(r.Mode), r.WantOutput, r.WantReferences, r.WantBestPractices)
            {
                Parameters = r.Parameters is { Count: > 0 } p ? SchemaRegistration.Parameters(p) : null,
            };
        }
        return new AnalyzeRequest(schemaKey, queries);
    }

    internal static string ModeName(KqlAnalysisMode mode) => mode == KqlAnalysisMode.ParseOnly ? "parseOnly" : "query";
}
