using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine.Data;

namespace SentinelAiPack.Engine.Simulation;

/// <summary>
/// Simulates a set of analytics rules over one range. Each rule is prepared once (its schedule read, its query
/// compiled or rewritten) by an <see cref="ExecutorFactory"/>, then run on every window of its schedule; a rule that
/// cannot be prepared is skipped with the reason and the others still run.
/// </summary>
public static class SimulationRunner
{
    /// <summary>Prepares the executor for one rule, or says why the rule cannot run.</summary>
    public delegate Task<(IRuleQueryExecutor? Executor, string? Problem)> ExecutorFactory(AnalyticRule rule, SimulatedRule schedule, CancellationToken cancellationToken);

    public static async Task<SimulationReport> RunAsync(IReadOnlyList<(AnalyticRule Rule, string DisplayPath)> rules, ExecutorFactory executors,
        DateTime from, DateTime to, IProgress<SimulationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(executors);
        var simulations = new List<RuleSimulation>();
        var skipped = new List<SkippedRule>();
        for (var i = 0; i < rules.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (item, path) = rules[i];
            var name = item.Name?.Value ?? item.FileName;
            progress?.Report(new SimulationProgress(i, rules.Count, name));
            var (rule, problem) = SimulatedRule.From(item, path);
            if (rule is null)
            {
                skipped.Add(new SkippedRule(name, path, problem!));
                continue;
            }
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (executor, reason) = await executors(item, rule, cancellationToken).ConfigureAwait(false);
            var prepared = clock.Elapsed;
            if (executor is null)
            {
                skipped.Add(new SkippedRule(name, path, reason ?? "the rule cannot run"));
                continue;
            }
            try
            {
                var simulation = await RuleSimulator.SimulateAsync(rule, executor, from, to, null, cancellationToken).ConfigureAwait(false);
                simulations.Add(simulation with { Elapsed = (prepared, clock.Elapsed - prepared) });
            }
            catch (ArgumentOutOfRangeException e)
            {
                skipped.Add(new SkippedRule(name, path, e.Message.Split(Environment.NewLine)[0]));
            }
            catch (RunFailedException e) when (e.Scope == FailureScope.Rule)
            {
                skipped.Add(new SkippedRule(name, path, e.Message));
            }
            finally
            {
                (executor as IDisposable)?.Dispose();
            }
        }
        progress?.Report(new SimulationProgress(rules.Count, rules.Count, ""));
        return new SimulationReport(from, to, simulations, skipped);
    }

    /// <summary>
    /// The local engine's factory: each rule's query compiled once against the schemas (plus tables only the data
    /// declares), run per window over <paramref name="data"/>. Rules the engine cannot compile are skipped with the reason.
    /// </summary>
    public static ExecutorFactory Local(KqlEngine engine, SchemaSet schemas, SimulationData data, IReadOnlyList<TableSchema>? extraTables = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(schemas);
        ArgumentNullException.ThrowIfNull(data);
        var empty = SchemaConversion.EmptyTables(schemas);
        return async (item, rule, cancellationToken) =>
        {
            if (item.Query?.Text is not { Length: > 0 } query)
            {
                return (null, "the rule has no query");
            }
            var compiled = await engine.CompileAsync(query, schemas, extraTables, filePath: rule.FilePath, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!compiled.Success)
            {
                var first = compiled.Diagnostics.FirstOrDefault();
                return (null, (compiled.Unsupported is not null ? "the local engine does not run it: " : "the query does not compile: ") + (first?.Message ?? "unknown error"));
            }
            return (new LocalRuleExecutor(compiled.Plan!, data, empty, rule.IsNearRealTime ? WindowClock.IngestionTime : WindowClock.TimeGenerated), null);
        };
    }
}

/// <summary>Which rule the simulation is at (<see cref="Done"/> of <see cref="Total"/>).</summary>
public readonly record struct SimulationProgress(int Done, int Total, string Rule);
