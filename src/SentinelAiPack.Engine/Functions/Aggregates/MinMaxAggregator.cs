using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions.Aggregates;

/// <summary>min / max / minif / maxif: nulls ignored; a group without values yields null.</summary>
internal sealed class MinMaxAggregator(ScalarKind kind, bool isMax, bool conditional) : Aggregator
{
    private long[] _longs = [];
    private bool[] _seen = [];
    private object?[] _objects = [];

    public override void Add(ReadOnlySpan<int> groups, IReadOnlyList<Column> args, int rowStart)
    {
        var count = MaxGroup(groups);
        Ensure(ref _seen, count);
        var predicate = conditional ? args[1] : null;
        if (args[0] is Column<long> longs)
        {
            Ensure(ref _longs, count);
            var data = longs.Data;
            for (var i = 0; i < groups.Length; i++)
            {
                if (longs.IsNull(i) || !Passes(predicate, i))
                {
                    continue;
                }
                var g = groups[i];
                if (!_seen[g] || (isMax ? data[i] > _longs[g] : data[i] < _longs[g]))
                {
                    _longs[g] = data[i];
                    _seen[g] = true;
                }
            }
            return;
        }
        Ensure(ref _objects, count);
        var column = args[0];
        for (var i = 0; i < groups.Length; i++)
        {
            if (column.GetValue(i) is not { } value || !Passes(predicate, i) || (value is string s && s.Length == 0))
            {
                continue;
            }
            var g = groups[i];
            var c = _seen[g] ? ValueComparer.Instance.Compare(value, _objects[g]) : 0;
            if (!_seen[g] || (isMax ? c > 0 : c < 0))
            {
                _objects[g] = value;
                _seen[g] = true;
            }
        }
    }

    public override IReadOnlyList<Column> Results(int groupCount, Table input)
    {
        Ensure(ref _seen, groupCount);
        if (kind.IsLongStorage() && _objects.Length == 0)
        {
            Ensure(ref _longs, groupCount);
            var nulls = new bool[groupCount];
            for (var g = 0; g < groupCount; g++)
            {
                nulls[g] = !_seen[g];
            }
            return [new Column<long>(kind, _longs[..groupCount], nulls.Contains(true) ? nulls : null)];
        }
        Ensure(ref _objects, groupCount);
        var builder = ColumnBuilder.Create(kind, groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            builder.Add(_seen[g] ? _objects[g] : null);
        }
        return [builder.Build()];
    }
}
