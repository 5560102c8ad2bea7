using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Scalars;

/// <summary>
/// A function evaluated value by value over boxed arguments. Used for the long tail of built-ins, where clarity
/// matters more than the few nanoseconds boxing costs; hot functions have typed kernels instead.
/// </summary>
internal sealed class RowFunctionExpr(ScalarKind kind, IReadOnlyList<ScalarExpr> args, Func<object?[], object?> function, bool deterministic = true)
    : ScalarExpr(kind)
{
    public override bool IsConstant => deterministic && args.All(a => a.IsConstant);

    public override bool IsRowInvariant => deterministic && args.All(a => a.IsRowInvariant);

    public override Column Evaluate(in Batch batch)
    {
        var columns = new Column[args.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = args[i].Evaluate(batch);
        }
        var builder = ColumnBuilder.Create(Kind, batch.Count);
        var values = new object?[columns.Length];
        for (var row = 0; row < batch.Count; row++)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                values[i] = columns[i].GetValue(row);
            }
            builder.Add(function(values));
        }
        return builder.Build();
    }
}

/// <summary>A typed one-argument string function (tolower, strlen, ...) without boxing.</summary>
internal sealed class StringMapExpr<TOut>(ScalarKind kind, ScalarExpr arg, Func<string, TOut> map) : ScalarExpr(kind)
{
    public override bool IsConstant => arg.IsConstant;

    public override bool IsRowInvariant => arg.IsRowInvariant;

    public override Column Evaluate(in Batch batch)
    {
        var input = ((Column<string>)ColumnFactory.Convert(arg.Evaluate(batch), ScalarKind.String)).Data;
        var values = new TOut[input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            values[i] = map(input[i]);
        }
        return new Column<TOut>(Kind, values);
    }
}
