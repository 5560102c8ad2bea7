using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Simulation;

/// <summary>
/// Runs a rule's compiled plan (compiled once) on each run window of the loaded data, with now() frozen at the run's
/// time: the local engine's view of what Sentinel's run would have returned.
/// </summary>
public sealed class LocalRuleExecutor(QueryPlan plan, SimulationData data, IReadOnlyDictionary<string, RowSchema> emptyTables, WindowClock clock) : IRuleQueryExecutor
{
    public int MaxConcurrency => 1;

    public Task<RunOutput> RunAsync(RunWindow window, CancellationToken cancellationToken)
    {
        Table result;
        try
        {
            result = plan.Run(new EvaluationContext
            {
                Now = window.Now,
                Tables = data.Window(window.Start, window.End, clock),
                EmptyTableSchemas = emptyTables,
                Watchlists = data.Watchlists,
                ExternalData = data.ExternalData,
                Cancellation = cancellationToken,
            });
        }
        catch (EngineRuntimeException e)
        {
            throw new RunFailedException(e.Message, e);
        }
        return Task.FromResult(Output(result));
    }

    /// <summary>The rows of a result table as text (Kusto's string forms; null stays null).</summary>
    public static RunOutput Output(Table result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var columns = result.Schema.Columns.Select(c => c.Name).ToList();
        return new RunOutput(result.RowCount, columns, () => result.Rows()
            .Select(row => row.Select(v => v is null ? null : Values.ToKustoString(v)).ToArray())
            .ToList());
    }
}
