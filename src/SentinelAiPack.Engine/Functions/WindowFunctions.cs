using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions;

/// <summary>
/// Functions over serialized rows (after sort, serialize, ...): row_number, prev, next, row_cumsum,
/// row_window_session. The analyzer
/// only accepts them on serialized input; the engine keeps row order everywhere, so the input order is the order.
/// </summary>
internal static class WindowFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("row_number", c => new RowWindowExpr(ScalarKind.Long, c.Args, RowWindowExpr.Window.RowNumber));
        r.Add("prev", c => new RowWindowExpr(c.ResultKind, c.Args, RowWindowExpr.Window.Previous));
        r.Add("next", c => new RowWindowExpr(c.ResultKind, c.Args, RowWindowExpr.Window.Next));
        r.Add("row_cumsum", c => new RowWindowExpr(c.ResultKind, c.Args, RowWindowExpr.Window.CumulativeSum));
        r.Add("row_window_session", c => new RowWindowExpr(ScalarKind.DateTime, c.Args, RowWindowExpr.Window.Session));
    }
}

/// <summary>
/// A window function evaluated over the whole input once per run (batches of one table are evaluated in order),
/// then sliced per batch.
/// </summary>
internal sealed class RowWindowExpr(ScalarKind kind, IReadOnlyList<ScalarExpr> args, RowWindowExpr.Window window) : ScalarExpr(kind)
{
    public enum Window
    {
        RowNumber,
        Previous,
        Next,
        CumulativeSum,
        Session,
    }

    public override Column Evaluate(in Batch batch)
    {
        var input = batch.Input;
        var run = batch.Run;
        var full = run.Once((this, input), () => Compute(input, run));
        return full.Slice(batch.Start, batch.Count);
    }

    private Column Compute(Table input, RunState run)
    {
        var columns = args.Select(a => Evaluation.Full(a, input, run)).ToArray();
        var rows = input.RowCount;
        var builder = ColumnBuilder.Create(Kind, rows);
        switch (window)
        {
            case Window.RowNumber:
                // row_number([start [, restart]]): restarts at start when the restart predicate is true.
                var start = columns.Length > 0 ? Values.ToLong(columns[0].GetValue(0)) ?? 1 : 1;
                var number = start;
                for (var r = 0; r < rows; r++)
                {
                    if (r > 0 && columns.Length > 1 && Values.ToBool(columns[1].GetValue(r)) == true)
                    {
                        number = start;
                    }
                    builder.Add(number++);
                }
                break;
            case Window.Previous:
            case Window.Next:
                // prev/next(column [, offset [, default]]).
                var offset = columns.Length > 1 ? (int)(Values.ToLong(columns[1].GetValue(0)) ?? 1) : 1;
                var step = window == Window.Previous ? -offset : offset;
                for (var r = 0; r < rows; r++)
                {
                    var at = r + step;
                    builder.Add(at >= 0 && at < rows ? columns[0].GetValue(at) : columns.Length > 2 ? columns[2].GetValue(r) : null);
                }
                break;
            case Window.Session:
                Sessions(columns, rows, builder);
                break;
            default:
                // row_cumsum(term [, restart]).
                double? sum = 0;
                long longSum = 0;
                for (var r = 0; r < rows; r++)
                {
                    if (columns.Length > 1 && Values.ToBool(columns[1].GetValue(r)) == true)
                    {
                        sum = 0;
                        longSum = 0;
                    }
                    var value = columns[0].GetValue(r);
                    if (Kind.IsIntegral())
                    {
                        longSum = unchecked(longSum + (Values.ToLong(value) ?? 0));
                        builder.Add(longSum);
                    }
                    else
                    {
                        sum += Values.ToReal(value) ?? 0;
                        builder.Add(sum);
                    }
                }
                break;
        }
        return builder.Build();
    }

    /// <summary>
    /// row_window_session(expr, maxFromFirst, maxBetweenNeighbors [, restart]): a value starts a new session when there
    /// is no session (or it started on null), when it is at or beyond session start + maxFromFirst or previous value +
    /// maxBetweenNeighbors, or when restart is true; each row gets its session's first value (null rows get null).
    /// </summary>
    private static void Sessions(Column[] columns, int rows, ColumnBuilder builder)
    {
        var fromFirst = Values.ToTimeSpanTicks(columns[1].GetValue(0)) ?? 0;
        var neighbors = Values.ToTimeSpanTicks(columns[2].GetValue(0)) ?? 0;
        long? start = null;
        long? previous = null;
        for (var r = 0; r < rows; r++)
        {
            var value = Values.ToDateTimeTicks(columns[0].GetValue(r));
            var restart = columns.Length > 3 && Values.ToBool(columns[3].GetValue(r)) == true;
            if (value is null)
            {
                start = null;
                previous = null;
                builder.Add(null);
                continue;
            }
            if (restart || start is null || previous is null || value >= start + fromFirst || value >= previous + neighbors)
            {
                start = value;
            }
            previous = value;
            builder.Add(new DateTime(start!.Value, DateTimeKind.Utc));
        }
    }
}
