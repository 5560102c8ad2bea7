using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions;

/// <summary>iff/iif, case, coalesce, isnull/isnotnull, not.</summary>
internal static class LogicalFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add(["iff", "iif"], c => Case(c));
        r.Add("case", Case);
        r.Add("coalesce", Coalesce);
        r.Add("isnull", c => Fn.Row(c, ScalarKind.Bool, a => a[0] is null));
        r.Add("isnotnull", c => Fn.Row(c, ScalarKind.Bool, a => a[0] is not null));
        r.Add("not", c => new NotExpr(c.Arg(0, ScalarKind.Bool)));
    }

    /// <summary>case(p1, v1, p2, v2, ..., else) and iff(p, then, else): the first true predicate's value (null predicates count as false).</summary>
    private static ScalarExpr Case(FunctionCall call)
    {
        if (call.Count < 3 || call.Count % 2 == 0)
        {
            throw new EngineCompileException($"{call.Name}() expects predicate/value pairs and an else value");
        }
        var kind = call.ResultKind;
        var args = new List<ScalarExpr>();
        for (var i = 0; i < call.Count; i++)
        {
            var isPredicate = i % 2 == 0 && i < call.Count - 1;
            args.Add(call.Arg(i, isPredicate ? ScalarKind.Bool : kind));
        }
        return new CaseExpr(kind, args);
    }

    /// <summary>coalesce(a, b, ...): the first value that is not null (for strings: not empty).</summary>
    private static ScalarExpr Coalesce(FunctionCall call)
    {
        var kind = call.ResultKind;
        var args = Enumerable.Range(0, call.Count).Select(i => call.Arg(i, kind)).ToArray();
        return new RowFunctionExpr(kind, args, a => a.FirstOrDefault(v => v is not null && !(v is string s && s.Length == 0)) ?? (kind == ScalarKind.String ? "" : null));
    }
}

/// <summary>case/iff over columns: evaluates every branch for the batch and picks per row.</summary>
internal sealed class CaseExpr(ScalarKind kind, IReadOnlyList<ScalarExpr> args) : ScalarExpr(kind)
{
    public override bool IsConstant => args.All(a => a.IsConstant);

    public override bool IsRowInvariant => args.All(a => a.IsRowInvariant);

    public override Column Evaluate(in Batch batch)
    {
        var columns = new Column[args.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = args[i].Evaluate(batch);
        }
        var builder = ColumnBuilder.Create(Kind, batch.Count);
        for (var row = 0; row < batch.Count; row++)
        {
            var chosen = columns.Length - 1;
            for (var p = 0; p < columns.Length - 1; p += 2)
            {
                var predicate = (Column<bool>)columns[p];
                if (predicate[row] && !predicate.IsNull(row))
                {
                    chosen = p + 1;
                    break;
                }
            }
            builder.Add(columns[chosen].GetValue(row));
        }
        return builder.Build();
    }
}
