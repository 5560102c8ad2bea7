using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions.Aggregates;

/// <summary>
/// The running state of one aggregate over all groups of a summarize. State lives in arrays indexed by group id;
/// <see cref="Add"/> sees one batch: each row's group and the evaluated argument columns.
/// </summary>
internal abstract class Aggregator
{
    /// <param name="groups">Group id per row of the batch.</param>
    /// <param name="args">The aggregate's argument columns for the batch.</param>
    /// <param name="rowStart">Index of the batch's first row in the summarize input (for aggregates that pick rows).</param>
    public abstract void Add(ReadOnlySpan<int> groups, IReadOnlyList<Column> args, int rowStart);

    /// <summary>The output column(s), one value per group.</summary>
    public abstract IReadOnlyList<Column> Results(int groupCount, Table input);

    /// <summary>Grows a per-group state array to hold <paramref name="groupCount"/> entries.</summary>
    protected static void Ensure<T>(ref T[] state, int groupCount, T initial = default!)
    {
        if (state.Length >= groupCount)
        {
            return;
        }
        var old = state.Length;
        Array.Resize(ref state, Math.Max(groupCount, old * 2));
        if (!EqualityComparer<T>.Default.Equals(initial, default!))
        {
            Array.Fill(state, initial, old, state.Length - old);
        }
    }

    protected static int MaxGroup(ReadOnlySpan<int> groups)
    {
        var max = -1;
        foreach (var g in groups)
        {
            if (g > max)
            {
                max = g;
            }
        }
        return max + 1;
    }

    /// <summary>True when the optional predicate column (…if aggregates) is true at a row.</summary>
    protected static bool Passes(Column? predicate, int row) =>
        predicate is null || (predicate is Column<bool> p && p[row] && !p.IsNull(row));
}

/// <summary>A compiled aggregate call: its argument expressions, output columns and how to make its state.</summary>
internal sealed class AggregateSpec(string name, IReadOnlyList<ScalarExpr> args, IReadOnlyList<ColumnInfo> outputs, Func<Aggregator> create)
{
    public string Name { get; } = name;

    public IReadOnlyList<ScalarExpr> Args { get; } = args;

    public IReadOnlyList<ColumnInfo> Outputs { get; } = outputs;

    public Aggregator Create() => create();
}
