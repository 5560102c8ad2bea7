using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Scalars;

/// <summary>
/// column_ifexists(name, default) over an open input (a watchlist's own columns are known only when it runs): the
/// column when the rows have it, else the default.
/// </summary>
internal sealed class RuntimeColumnExpr(string name, ScalarExpr fallback, ScalarKind kind) : ScalarExpr(kind)
{
    public override Column Evaluate(in Batch batch)
    {
        var index = batch.Input.Schema.IndexOf(name);
        var column = index >= 0 ? batch.Input.Column(index).Slice(batch.Start, batch.Count) : fallback.Evaluate(batch);
        return ColumnFactory.Convert(column, Kind);
    }
}
