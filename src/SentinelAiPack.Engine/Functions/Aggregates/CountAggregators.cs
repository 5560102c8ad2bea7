using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions.Aggregates;

/// <summary>count() / countif(predicate): rows per group (where the predicate is true).</summary>
internal sealed class CountAggregator(bool conditional) : Aggregator
{
    private long[] _counts = [];

    public override void Add(ReadOnlySpan<int> groups, IReadOnlyList<Column> args, int rowStart)
    {
        Ensure(ref _counts, MaxGroup(groups));
        if (!conditional)
        {
            foreach (var g in groups)
            {
                _counts[g]++;
            }
            return;
        }
        var predicate = (Column<bool>)args[0];
        var values = predicate.Data;
        var nulls = predicate.Nulls;
        for (var i = 0; i < groups.Length; i++)
        {
            if (values[i] && (nulls.IsEmpty || !nulls[i]))
            {
                _counts[groups[i]]++;
            }
        }
    }

    public override IReadOnlyList<Column> Results(int groupCount, Table input)
    {
        Ensure(ref _counts, groupCount);
        return [new Column<long>(ScalarKind.Long, _counts[..groupCount])];
    }
}

/// <summary>
/// dcount / dcountif / count_distinct: distinct non-null values per group, counted exactly with one set of
/// (group, value) pairs. Kusto's dcount is a HyperLogLog estimate; for the small sets rule tests use it is exact.
/// </summary>
internal sealed class DistinctCountAggregator(bool conditional) : Aggregator
{
    private readonly HashSet<(int, long)> _longs = [];
    private readonly HashSet<(int, string)> _strings = [];
    private readonly HashSet<(int, object)> _objects = new(new PairComparer());
    private long[] _counts = [];

    public override void Add(ReadOnlySpan<int> groups, IReadOnlyList<Column> args, int rowStart)
    {
        Ensure(ref _counts, MaxGroup(groups));
        var predicate = conditional ? args[1] : null;
        switch (args[0])
        {
            case Column<long> longs:
                var l = longs.Data;
                for (var i = 0; i < groups.Length; i++)
                {
                    if (!longs.IsNull(i) && Passes(predicate, i) && _longs.Add((groups[i], l[i])))
                    {
                        _counts[groups[i]]++;
                    }
                }
                break;
            case Column<string> strings:
                var s = strings.Data;
                for (var i = 0; i < groups.Length; i++)
                {
                    if (s[i].Length > 0 && Passes(predicate, i) && _strings.Add((groups[i], s[i])))
                    {
                        _counts[groups[i]]++;
                    }
                }
                break;
            case var column:
                for (var i = 0; i < groups.Length; i++)
                {
                    if (column.GetValue(i) is { } value && Passes(predicate, i) && _objects.Add((groups[i], value)))
                    {
                        _counts[groups[i]]++;
                    }
                }
                break;
        }
    }

    public override IReadOnlyList<Column> Results(int groupCount, Table input)
    {
        Ensure(ref _counts, groupCount);
        return [new Column<long>(ScalarKind.Long, _counts[..groupCount])];
    }

    private sealed class PairComparer : IEqualityComparer<(int, object)>
    {
        public bool Equals((int, object) x, (int, object) y) => x.Item1 == y.Item1 && ValueComparer.Instance.Equals(x.Item2, y.Item2);

        public int GetHashCode((int, object) obj) => HashCode.Combine(obj.Item1, ValueComparer.Instance.GetHashCode(obj.Item2));
    }
}
