using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Scalars;

/// <summary>
/// bin(value, size) for values stored as long (long, datetime ticks, timespan ticks) with a constant size: rounds down
/// to a multiple of size (toward negative infinity, so negatives round down), plus an optional fixed point (bin_at).
/// </summary>
internal sealed class LongBinExpr(ScalarExpr value, long size, long origin) : ScalarExpr(value.Kind)
{
    public override bool IsConstant => value.IsConstant;

    public override bool IsRowInvariant => value.IsRowInvariant;

    public override Column Evaluate(in Batch batch)
    {
        var input = (Column<long>)value.Evaluate(batch);
        var data = input.Data;
        var result = new long[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            result[i] = Floor(data[i] - origin, size) + origin;
        }
        return new Column<long>(Kind, result, input.HasNulls ? input.Nulls.ToArray() : null);
    }

    public static long Floor(long value, long size)
    {
        var q = value / size;
        if (value % size != 0 && (value < 0) != (size < 0))
        {
            q--;
        }
        return q * size;
    }
}
