using SentinelAiPack.Engine.Functions.Aggregates;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Runtime.Grouping;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>A make-series aggregation with the value used for bins without rows.</summary>
internal sealed record SeriesAggregate(AggregateSpec Spec, object? Default);

/// <summary>
/// make-series: per group, each aggregation becomes an array with one element per axis bin in [from, to) with the
/// given step (missing bins take the default value), plus the axis column as the array of bin starts.
/// Without from/to, the range spans the data's minimum to maximum axis value.
/// </summary>
internal sealed class MakeSeriesPlan(
    TabularPlan input,
    IReadOnlyList<ScalarExpr> keys,
    IReadOnlyList<SeriesAggregate> aggregates,
    ScalarExpr axis,
    ScalarExpr? from,
    ScalarExpr? to,
    ScalarExpr step,
    RowSchema schema) : TabularPlan(schema)
{
    public override Table Execute(RunState run)
    {
        var table = input.Execute(run);
        var axisValues = Evaluation.Full(axis, table, run);
        var isTime = axis.Kind is ScalarKind.DateTime or ScalarKind.TimeSpan;
        var stepValue = Values.ToReal(step.ValueFor(run)) ?? 0;
        if (stepValue <= 0)
        {
            throw new EngineRuntimeException("make-series: the step must be positive");
        }
        var present = Enumerable.Range(0, table.RowCount).Where(r => !axisValues.IsNull(r)).Select(r => Values.ToReal(axisValues.GetValue(r))!.Value).ToArray();
        var start = from is not null ? Values.ToReal(from.ValueFor(run)) : present.Length > 0 ? present.Min() : null;
        var end = to is not null ? Values.ToReal(to.ValueFor(run)) : present.Length > 0 ? present.Max() + stepValue : null;
        if (start is null || end is null)
        {
            return Table.Empty(Schema);
        }
        if (from is null)
        {
            start = Math.Floor(start.Value / stepValue) * stepValue;
        }
        var binCount = (int)Math.Clamp(Math.Ceiling((end.Value - start.Value) / stepValue), 0, 1_000_000);
        run.CheckRows(binCount);

        // Rows inside the range, with their bin index.
        var rows = new List<int>();
        var bins = new List<long>();
        for (var r = 0; r < table.RowCount; r++)
        {
            if (axisValues.IsNull(r))
            {
                continue;
            }
            var v = Values.ToReal(axisValues.GetValue(r))!.Value;
            if (v >= start && v < end)
            {
                rows.Add(r);
                bins.Add((long)Math.Floor((v - start.Value) / stepValue));
            }
        }
        var inRange = table.Gather(rows.ToArray());
        var keyGrouper = new Grouper(keys.Select(k => k.Kind).ToArray());
        var cellGrouper = new Grouper([ScalarKind.Long, ScalarKind.Long]);
        var states = aggregates.Select(a => a.Spec.Create()).ToArray();
        var keyIds = new int[Batch.Size];
        var cellIds = new int[Batch.Size];
        var cellKey = new List<int>();
        var cellBin = new List<long>();
        var keyColumns = new Column[keys.Count];
        foreach (var batch in Batch.Over(inRange, run))
        {
            for (var k = 0; k < keys.Count; k++)
            {
                keyColumns[k] = keys[k].Evaluate(batch);
            }
            keyGrouper.Assign(keyColumns, batch.Count, keyIds);
            var keyColumn = new Column<long>(ScalarKind.Long, keyIds.Take(batch.Count).Select(i => (long)i).ToArray());
            var binColumn = new Column<long>(ScalarKind.Long, bins.GetRange(batch.Start, batch.Count).ToArray());
            cellGrouper.Assign([keyColumn, binColumn], batch.Count, cellIds);
            for (var i = 0; i < batch.Count; i++)
            {
                if (cellIds[i] == cellKey.Count)
                {
                    cellKey.Add(keyIds[i]);
                    cellBin.Add(binColumn[i]);
                }
            }
            for (var a = 0; a < aggregates.Count; a++)
            {
                var args = aggregates[a].Spec.Args.Select(arg => arg.Evaluate(batch)).ToArray();
                states[a].Add(cellIds.AsSpan(0, batch.Count), args, batch.Start);
            }
        }
        var seriesCount = keys.Count == 0 ? 1 : keyGrouper.GroupCount;
        var arrays = aggregates.Select(a => Enumerable.Range(0, seriesCount).Select(_ => Enumerable.Repeat(Dyn.FromValue(a.Default), binCount).ToArray()).ToArray()).ToArray();
        for (var a = 0; a < aggregates.Count; a++)
        {
            var results = states[a].Results(cellKey.Count, inRange)[0];
            for (var cell = 0; cell < cellKey.Count; cell++)
            {
                arrays[a][cellKey[cell]][cellBin[cell]] = Dyn.FromValue(results.GetValue(cell));
            }
        }
        var axisArray = new DynArray(Enumerable.Range(0, binCount).Select(i =>
        {
            var v = start.Value + (i * stepValue);
            return isTime ? (object?)(axis.Kind == ScalarKind.DateTime ? new DateTime((long)v, DateTimeKind.Utc) : new TimeSpan((long)v)) : v;
        }).ToArray());
        var columns = new List<Column>();
        columns.AddRange(keys.Count == 0 ? [] : keyGrouper.KeyColumns());
        foreach (var series in arrays)
        {
            columns.Add(new Column<object?>(ScalarKind.Dynamic, series.Select(s => (object?)new DynArray(s)).ToArray()));
        }
        columns.Add(new Column<object?>(ScalarKind.Dynamic, Enumerable.Repeat<object?>(axisArray, seriesCount).ToArray()));
        return new Table(Schema, columns.Select((c, i) => ColumnFactory.Convert(c, Schema[i].Kind)).ToArray());
    }
}
