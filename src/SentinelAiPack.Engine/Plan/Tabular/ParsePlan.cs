using System.Text.RegularExpressions;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>
/// parse / parse-where: the pattern is compiled into one regex whose numbered groups are the extracted columns.
/// A row that does not match gets nulls (parse) or is dropped (parse-where). In relaxed mode a value that does not
/// convert to its column's type is null while the others are kept.
/// </summary>
internal sealed class ParsePlan(
    TabularPlan input,
    ScalarExpr source,
    Regex regex,
    IReadOnlyList<ColumnInfo> extracted,
    IReadOnlyList<int> outputSlots,
    bool dropUnmatched,
    RowSchema schema) : TabularPlan(schema)
{
    public override Table Execute(RunState run)
    {
        var table = input.Execute(run);
        var text = (Column<string>)ColumnFactory.Convert(Evaluation.Full(source, table, run), ScalarKind.String);
        var builders = extracted.Select(c => ColumnBuilder.Create(c.Kind, table.RowCount)).ToArray();
        var kept = new List<int>(table.RowCount);
        for (var row = 0; row < table.RowCount; row++)
        {
            var match = regex.Match(text[row]);
            if (!match.Success)
            {
                if (!dropUnmatched)
                {
                    kept.Add(row);
                    foreach (var builder in builders)
                    {
                        builder.AddNull();
                    }
                }
                continue;
            }
            var values = new object?[builders.Length];
            var typesOk = true;
            for (var i = 0; i < builders.Length; i++)
            {
                var group = match.Groups[i + 1];
                values[i] = group.Success ? Values.ConvertTo(group.Value, extracted[i].Kind) : null;
                typesOk &= values[i] is not null || extracted[i].Kind == ScalarKind.String;
            }
            if (dropUnmatched && !typesOk)
            {
                continue;
            }
            kept.Add(row);
            for (var i = 0; i < builders.Length; i++)
            {
                builders[i].Add(values[i]);
            }
        }
        var rows = kept.ToArray();
        var gathered = rows.Length == table.RowCount ? table : table.Gather(rows);
        var newColumns = builders.Select(b => b.Build()).ToArray();
        var columns = new Column[Schema.Count];
        for (var c = 0; c < Schema.Count; c++)
        {
            var slot = outputSlots[c];
            columns[c] = slot >= 0 ? gathered.Column(slot) : newColumns[-slot - 1];
        }
        return new Table(Schema, columns);
    }
}

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
