using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions.Aggregates;

/// <summary>
/// arg_max / arg_min (expr, col, ...) and take_any: per group, the row where expr is largest/smallest (or the first
/// row), returning expr's value and the listed columns of that row. Rows whose expr is null are skipped.
/// </summary>
internal sealed class ArgExtremeAggregator(ArgExtremeAggregator.Pick pick, ScalarKind valueKind, IReadOnlyList<int> columns, bool conditional) : Aggregator
{
    public enum Pick
    {
        Max,
        Min,
        Any,
    }

    private int[] _rows = [];
    private object?[] _best = [];

    public override void Add(ReadOnlySpan<int> groups, IReadOnlyList<Column> args, int rowStart)
    {
        var count = MaxGroup(groups);
        Ensure(ref _rows, count, -1);
        Ensure(ref _best, count);
        var values = args[0];
        var predicate = conditional ? args[^1] : null;
        for (var i = 0; i < groups.Length; i++)
        {
            if (!Passes(predicate, i))
            {
                continue;
            }
            var g = groups[i];
            if (pick == Pick.Any)
            {
                if (_rows[g] < 0)
                {
                    _rows[g] = rowStart + i;
                    _best[g] = values.GetValue(i);
                }
                continue;
            }
            var value = values.GetValue(i);
            if (value is null)
            {
                continue;
            }
            if (_rows[g] < 0)
            {
                _rows[g] = rowStart + i;
                _best[g] = value;
                continue;
            }
            var c = ValueComparer.Instance.Compare(value, _best[g]);
            if (pick == Pick.Max ? c > 0 : c < 0)
            {
                _rows[g] = rowStart + i;
                _best[g] = value;
            }
        }
    }

    public override IReadOnlyList<Column> Results(int groupCount, Table input)
    {
        Ensure(ref _rows, groupCount, -1);
        Ensure(ref _best, groupCount);
        var results = new List<Column>(1 + columns.Count);
        var builder = ColumnBuilder.Create(valueKind, groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            builder.Add(_best[g]);
        }
        results.Add(builder.Build());
        var rows = _rows.AsSpan(0, groupCount);
        foreach (var column in columns)
        {
            results.Add(input.Column(column).GatherOrNull(rows));
        }
        return results;
    }
}
