namespace SentinelAiPack.Engine.Simulation;

/// <summary>
/// Runs one rule's query for one run window: the local engine over loaded data, or Log Analytics itself. Failures the
/// run cannot recover from (a query error on the data, a throttled or failed API call) are thrown as
/// <see cref="RunFailedException"/>; the simulator records the run as failed and goes on.
/// </summary>
public interface IRuleQueryExecutor
{
    /// <summary>How many runs may be in flight at once (the simulator never overlaps runs of a rule with suppression).</summary>
    int MaxConcurrency { get; }

    Task<RunOutput> RunAsync(RunWindow window, CancellationToken cancellationToken);
}

/// <summary>A run's query failed; the message says why (never a stack trace). <see cref="Scope"/> says what it stops.</summary>
public sealed class RunFailedException(string message, Exception? inner = null) : Exception(message, inner)
{
    public FailureScope Scope { get; init; } = FailureScope.Run;
}

/// <summary>What a failed run stops.</summary>
public enum FailureScope
{
    /// <summary>Only this run (recorded as failed; the next runs still go).</summary>
    Run,

    /// <summary>The rule: every run would fail the same way (the query is invalid there); the rule is skipped.</summary>
    Rule,

    /// <summary>The whole simulation (authentication failed, the workspace does not exist).</summary>
    Simulation,
}
