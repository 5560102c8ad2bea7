using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>range x from a to b step s: one column of values.</summary>
internal sealed class RangePlan(ScalarExpr from, ScalarExpr to, ScalarExpr step, RowSchema schema) : TabularPlan(schema)
{
    public override Table Execute(RunState run)
    {
        var kind = Schema[0].Kind;
        var builder = ColumnBuilder.Create(kind);
        var start = from.ValueFor(run);
        var stop = to.ValueFor(run);
        var increment = step.ValueFor(run);
        if (kind is ScalarKind.DateTime or ScalarKind.TimeSpan)
        {
            var a = Values.ToLong(start) ?? 0;
            var b = Values.ToLong(stop) ?? 0;
            var s = Values.ToLong(increment) ?? 0;
            for (var v = a; s > 0 ? v <= b : s < 0 && v >= b; v += s)
            {
                builder.Add(kind == ScalarKind.DateTime ? new DateTime(v, DateTimeKind.Utc) : new TimeSpan(v));
                run.CheckRows(builder.Count);
            }
        }
        else
        {
            var a = Values.ToReal(start) ?? 0;
            var b = Values.ToReal(stop) ?? 0;
            var s = Values.ToReal(increment) ?? 0;
            for (var v = a; s > 0 ? v <= b : s < 0 && v >= b; v += s)
            {
                builder.Add(v);
                run.CheckRows(builder.Count);
            }
        }
        return new Table(Schema, [builder.Build()]);
    }
}
