using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions.Aggregates;

/// <summary>
/// percentile / percentiles (and -if): the nearest-rank percentile of each group's non-null values, one output per
/// requested percentage. Kusto estimates with T-Digest; on small groups both give a value from the group.
/// </summary>
internal sealed class PercentileAggregator(ScalarKind kind, IReadOnlyList<double> percentages, bool conditional) : Aggregator
{
    private List<object>?[] _values = [];

    public override void Add(ReadOnlySpan<int> groups, IReadOnlyList<Column> args, int rowStart)
    {
        Ensure(ref _values, MaxGroup(groups));
        var predicate = conditional ? args[^1] : null;
        for (var i = 0; i < groups.Length; i++)
        {
            if (args[0].GetValue(i) is { } value && Passes(predicate, i))
            {
                (_values[groups[i]] ??= []).Add(value);
            }
        }
    }

    public override IReadOnlyList<Column> Results(int groupCount, Table input)
    {
        Ensure(ref _values, groupCount);
        var builders = percentages.Select(_ => ColumnBuilder.Create(kind, groupCount)).ToArray();
        for (var g = 0; g < groupCount; g++)
        {
            var values = _values[g];
            values?.Sort(ValueComparer.Instance);
            for (var p = 0; p < percentages.Count; p++)
            {
                if (values is null || values.Count == 0)
                {
                    builders[p].AddNull();
                    continue;
                }
                var rank = (int)Math.Ceiling(percentages[p] / 100.0 * values.Count);
                builders[p].Add(values[Math.Clamp(rank - 1, 0, values.Count - 1)]);
            }
        }
        return builders.Select(b => b.Build()).ToArray();
    }
}
