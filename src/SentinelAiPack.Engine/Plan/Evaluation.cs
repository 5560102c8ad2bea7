using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan;

/// <summary>Evaluating scalar expressions over whole tables, batch by batch.</summary>
internal static class Evaluation
{
    /// <summary>The expression's value for every row of <paramref name="input"/> as one column.</summary>
    public static Column Full(ScalarExpr expr, Table input, RunState run)
    {
        if (expr is ColumnRefExpr column && input.Column(column.Index).Kind == expr.Kind)
        {
            return input.Column(column.Index);
        }
        if (input.RowCount == 0)
        {
            return ColumnFactory.Empty(expr.Kind);
        }
        if (expr.IsRowInvariant)
        {
            return ColumnFactory.Constant(expr.Kind, expr.ValueFor(run), input.RowCount);
        }
        var parts = new List<Column>((input.RowCount / Batch.Size) + 1);
        foreach (var batch in Batch.Over(input, run))
        {
            parts.Add(expr.Evaluate(batch));
        }
        return ColumnConcat.Concat(expr.Kind, parts);
    }

    /// <summary>The rows of <paramref name="input"/> for which the predicate is true (null counts as false).</summary>
    public static int[] Select(ScalarExpr predicate, Table input, RunState run)
    {
        var selected = new List<int>();
        foreach (var batch in Batch.Over(input, run))
        {
            var result = (Column<bool>)ColumnFactory.Convert(predicate.Evaluate(batch), ScalarKind.Bool);
            var values = result.Data;
            var nulls = result.Nulls;
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] && (nulls.IsEmpty || !nulls[i]))
                {
                    selected.Add(batch.Start + i);
                }
            }
        }
        return selected.ToArray();
    }
}
