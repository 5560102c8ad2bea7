using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Scalars;

/// <summary>A column of the input rows.</summary>
internal sealed class ColumnRefExpr(int index, ScalarKind kind, string name) : ScalarExpr(kind)
{
    public int Index { get; } = index;

    public string Name { get; } = name;

    public override Column Evaluate(in Batch batch)
    {
        var column = batch.Input.Column(Index);
        if (column.Kind != Kind)
        {
            column = ColumnFactory.Convert(column, Kind);
        }
        return column.Slice(batch.Start, batch.Count);
    }

    public override string ToString() => Name;
}
