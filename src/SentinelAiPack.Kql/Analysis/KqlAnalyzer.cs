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

    /// <summary>
    /// Longest time one query may take. Pathological text (thousands of unclosed parentheses, megabytes of garbage)
    /// can keep the analyzer busy for minutes; such a query gets <see cref="KqlAnalysis.Failure"/> instead.
    /// </summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(10);

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

        var answers = await Pool.RunAsync(chunks, workers,
            (engine, index) => TryAnalyze(engine, requests, index * chunk, Math.Min(chunk, requests.Count - index * chunk), schemas, cancellationToken),
            cancellationToken).ConfigureAwait(false);

        var results = new KqlAnalysis[requests.Count];
        var timedOut = new List<int>();
        for (var i = 0; i < chunks; i++)
        {
            if (answers[i] is { } chunkResults)
            {
                chunkResults.CopyTo(results, i * chunk);
            }
            else
            {
                timedOut.AddRange(Enumerable.Range(i * chunk, Math.Min(chunk, requests.Count - i * chunk)));
            }
        }
        if (timedOut.Count > 0)
        {
            // A chunk ran out of time: analyze its queries one by one so that only the culprit fails.
            var single = await Pool.RunAsync(timedOut.Count, workers,
                (engine, index) => TryAnalyze(engine, requests, timedOut[index], 1, schemas, cancellationToken)?[0] ?? TimedOut(requests[timedOut[index]]),
                cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < timedOut.Count; i++)
            {
                results[timedOut[i]] = single[i];
            }
        }
        return results;
    }

    // Null when the time budget of the chunk ran out.
    private KqlAnalysis[]? TryAnalyze(PooledEngine engine, IReadOnlyList<KqlRequest> requests, int start, int count, SchemaSet schemas, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(ToRequest(schemas.Fingerprint, requests, start, count), ShimJson.Default.AnalyzeRequest);
        string response;
        try
        {
            // One slow query gets the whole timeout; the others of the chunk a tenth of it each.
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            response = engine.Call("analyze", json, schemas, cancellationToken, QueryTimeout + QueryTimeout * (count - 1) / 10);
            engine.NoteServed(count, Pool.Options, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        catch (TimeoutException)
        {
            return null;
        }
        var results = JsonSerializer.Deserialize(response, ShimJson.Default.AnalyzeResponse)?.Results;
        if (results is null || results.Count != count)
        {
            throw new Hosting.KqlHostException($"The analyze handler returned {results?.Count ?? 0} results for {count} queries.");
        }
        return [.. results];
    }

    private KqlAnalysis TimedOut(KqlRequest request) => new()
    {
        Id = request.Id,
        Failure = $"The analyzer did not finish within {QueryTimeout.TotalSeconds:0.#} s; the query is too large or too deeply nested to check.",
    };

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
