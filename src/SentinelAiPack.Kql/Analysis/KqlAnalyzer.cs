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

    /// <summary>
    /// Budget of the second and last try of a query that ran out of <see cref="QueryTimeout"/> on its own. The budget is
    /// wall time, so on a loaded machine (other builds on the same cores) an ordinary query can need several times its
    /// usual time; only a query that also exceeds this is given up (<see cref="KqlAnalysis.TimedOut"/>).
    /// </summary>
    public TimeSpan RetryTimeout { get; init; } = TimeSpan.FromSeconds(60);

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
            (engine, index) => TryAnalyze(engine, requests, index * chunk, Math.Min(chunk, requests.Count - index * chunk), schemas, ChunkBudget(Math.Min(chunk, requests.Count - index * chunk)), cancellationToken),
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
        // A chunk ran out of time: its queries are analyzed one by one so that only the culprit fails, and a query that
        // runs out of time alone gets one more try with the longer budget (an engine that timed out is replaced first).
        foreach (var (budget, last) in new[] { (QueryTimeout, false), (RetryTimeout, true) })
        {
            if (timedOut.Count == 0)
            {
                break;
            }
            var pending = timedOut.ToArray();
            var single = await Pool.RunAsync(pending.Length, Math.Min(workers, pending.Length),
                (engine, index) => TryAnalyze(engine, requests, pending[index], 1, schemas, budget, cancellationToken)?[0] ?? (last ? TimedOut(requests[pending[index]]) : null),
                cancellationToken).ConfigureAwait(false);
            timedOut.Clear();
            for (var i = 0; i < pending.Length; i++)
            {
                if (single[i] is { } analysis)
                {
                    results[pending[i]] = analysis;
                }
                else
                {
                    timedOut.Add(pending[i]);
                }
            }
        }
        return results;
    }

    // One slow query gets the whole timeout; the others of the chunk a tenth of it each.
    private TimeSpan ChunkBudget(int count) => QueryTimeout + QueryTimeout * (count - 1) / 10;

    // Null when the time budget of the chunk ran out.
    private KqlAnalysis[]? TryAnalyze(PooledEngine engine, IReadOnlyList<KqlRequest> requests, int start, int count, SchemaSet schemas, TimeSpan budget,
        CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(ToRequest(schemas.Fingerprint, requests, start, count), ShimJson.Default.AnalyzeRequest);
        string response;
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            response = engine.Call("analyze", json, schemas, cancellationToken, budget);
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
        TimedOut = true,
        Failure = $"The analyzer did not finish within {QueryTimeout.TotalSeconds:0.#} s, nor within {RetryTimeout.TotalSeconds:0.#} s on a second try; " +
                  "the query is too large or too deeply nested to check, or the machine is overloaded. The query was not checked.",
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
