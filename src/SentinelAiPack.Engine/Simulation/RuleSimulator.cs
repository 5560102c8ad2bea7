namespace SentinelAiPack.Engine.Simulation;

/// <summary>
/// Runs one rule on its schedule over a range: every run of the grid (<see cref="RunGrid"/>) asks the executor for its
/// window's rows, unless suppression is on since an earlier alert; a run whose row count meets the trigger raises
/// alerts (<see cref="AlertBuilder"/>); at the end the alerts are grouped into incidents (<see cref="IncidentGrouper"/>).
/// A run that fails is recorded with its reason and the others still run; a failure of wider scope is thrown on.
/// </summary>
public static class RuleSimulator
{
    public static async Task<RuleSimulation> SimulateAsync(SimulatedRule rule, IRuleQueryExecutor executor, DateTime from, DateTime to,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(executor);
        var windows = RunGrid.Windows(from, to, rule.Frequency, rule.Period);
        // Suppression makes each run depend on the previous ones, so those rules run one window at a time.
        var batch = rule.Suppression is null ? Math.Max(1, executor.MaxConcurrency) : 1;
        var runs = new List<SimulatedRun>(windows.Count);
        var suppressedUntil = DateTime.MinValue;
        for (var start = 0; start < windows.Count; start += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var slice = windows.Skip(start).Take(batch).ToList();
            var pending = slice.Select(w => w.Now < suppressedUntil ? null : RunAsync(executor, w, cancellationToken)).ToList();
            for (var i = 0; i < slice.Count; i++)
            {
                var window = slice[i];
                if (pending[i] is not { } task)
                {
                    runs.Add(new SimulatedRun(window, RunOutcome.Suppressed, 0, []));
                    continue;
                }
                var (output, error) = await task.ConfigureAwait(false);
                if (output is null)
                {
                    runs.Add(new SimulatedRun(window, RunOutcome.Failed, 0, []) { Error = error });
                    continue;
                }
                if (!rule.Trigger.IsMet(output.RowCount))
                {
                    runs.Add(new SimulatedRun(window, RunOutcome.Silent, output.RowCount, []));
                    continue;
                }
                runs.Add(new SimulatedRun(window, RunOutcome.Alerted, output.RowCount, AlertBuilder.Build(rule, window.Now, output)));
                if (rule.Suppression is { } suppression)
                {
                    suppressedUntil = window.Now + suppression;
                }
            }
            progress?.Report(runs.Count);
        }
        return new RuleSimulation(rule, runs, IncidentGrouper.Group(rule.Incidents, runs.SelectMany(r => r.Alerts)));
    }

    private static async Task<(RunOutput? Output, string? Error)> RunAsync(IRuleQueryExecutor executor, RunWindow window, CancellationToken cancellationToken)
    {
        try
        {
            return (await executor.RunAsync(window, cancellationToken).ConfigureAwait(false), null);
        }
        catch (RunFailedException e) when (e.Scope == FailureScope.Run)
        {
            return (null, e.Message);
        }
    }
}
