using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine;

/// <summary>
/// A compiled query: compile once, run many times over different data. Thread-safe to run concurrently
/// (each run has its own state).
/// </summary>
public sealed class QueryPlan
{
    private readonly TabularPlan _root;

    internal QueryPlan(TabularPlan root, IReadOnlySet<string> tables)
    {
        _root = root;
        Tables = tables;
    }

    /// <summary>The result's columns.</summary>
    public RowSchema OutputSchema => _root.Schema;

    /// <summary>Names of the tables the query reads.</summary>
    public IReadOnlySet<string> Tables { get; }

    /// <summary>
    /// Runs the query. Throws <see cref="EngineRuntimeException"/> for data problems and limits, and for unexpected
    /// failures inside the engine (<see cref="EngineRuntimeException.IsInternal"/>); cancellation is passed through.
    /// </summary>
    public Table Run(EvaluationContext context)
    {
        var run = new RunState(context);
        try
        {
            return _root.Execute(run);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException e)
        {
            throw new EngineRuntimeException($"a regular expression took too long on the data ({e.Pattern})");
        }
        catch (Exception e) when (EngineInternalError.Is(e))
        {
            throw new EngineRuntimeException(EngineInternalError.Describe(e), e);
        }
    }
}
