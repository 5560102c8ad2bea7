using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions.Aggregates;

/// <summary>sum / sumif: nulls ignored; integer sums wrap like Kusto's long arithmetic; an empty group sums to 0.</summary>
internal sealed class SumAggregator(ScalarKind kind, bool conditional) : Aggregator
{
    private long[] _longs = [];
    private double[] _reals = [];
    private decimal[] _decimals = [];

    public override void Add(ReadOnlySpan<int> groups, IReadOnlyList<Column> args, int rowStart)
    {
        var count = MaxGroup(groups);
        var predicate = conditional ? args[1] : null;
        switch (args[0])
        {
            case Column<long> longs:
                Ensure(ref _longs, count);
                var l = longs.Data;
                for (var i = 0; i < groups.Length; i++)
                {
                    if (!longs.IsNull(i) && Passes(predicate, i))
                    {
                        _longs[groups[i]] = unchecked(_longs[groups[i]] + l[i]);
                    }
                }
                break;
            case Column<double> reals:
                Ensure(ref _reals, count);
                var r = reals.Data;
                for (var i = 0; i < groups.Length; i++)
                {
                    if (!reals.IsNull(i) && Passes(predicate, i))
                    {
                        _reals[groups[i]] += r[i];
                    }
                }
                break;
            case var column:
                Ensure(ref _decimals, count);
                for (var i = 0; i < groups.Length; i++)
                {
                    if (Values.ToDecimal(column.GetValue(i)) is { } m && Passes(predicate, i))
                    {
                        _decimals[groups[i]] += m;
                    }
                }
                break;
        }
    }

    public override IReadOnlyList<Column> Results(int groupCount, Table input)
    {
        if (kind == ScalarKind.Real)
        {
            Ensure(ref _reals, groupCount);
            return [new Column<double>(kind, _reals[..groupCount])];
        }
        if (kind == ScalarKind.Decimal)
        {
            Ensure(ref _decimals, groupCount);
            return [new Column<decimal>(kind, _decimals[..groupCount])];
        }
        Ensure(ref _longs, groupCount);
        return [new Column<long>(kind, _longs[..groupCount])];
    }
}

/// <summary>avg / avgif, stdev(p) / variance(p) (and their -if forms) over non-null numeric values.</summary>
internal sealed class MomentAggregator(MomentAggregator.Statistic statistic, bool conditional) : Aggregator
{
    public enum Statistic
    {
        Average,
        Variance,
        VariancePopulation,
        StdDev,
        StdDevPopulation,
    }

    private long[] _counts = [];
    private double[] _sums = [];
    private double[] _squares = [];

    public override void Add(ReadOnlySpan<int> groups, IReadOnlyList<Column> args, int rowStart)
    {
        var count = MaxGroup(groups);
        Ensure(ref _counts, count);
        Ensure(ref _sums, count);
        Ensure(ref _squares, count);
        var values = (Column<double>)ColumnFactory.Convert(args[0], ScalarKind.Real);
        var predicate = conditional ? args[1] : null;
        var data = values.Data;
        for (var i = 0; i < groups.Length; i++)
        {
            if (!values.IsNull(i) && Passes(predicate, i))
            {
                var g = groups[i];
                _counts[g]++;
                _sums[g] += data[i];
                _squares[g] += data[i] * data[i];
            }
        }
    }

    public override IReadOnlyList<Column> Results(int groupCount, Table input)
    {
        Ensure(ref _counts, groupCount);
        Ensure(ref _sums, groupCount);
        Ensure(ref _squares, groupCount);
        var builder = ColumnBuilder.Create(ScalarKind.Real, groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            var n = _counts[g];
            if (statistic == Statistic.Average)
            {
                builder.Add(n == 0 ? null : _sums[g] / n);
                continue;
            }
            var mean = n == 0 ? 0 : _sums[g] / n;
            var squares = _squares[g] - (n * mean * mean);
            var sample = statistic is Statistic.Variance or Statistic.StdDev;
            var variance = n == 0 || (sample && n < 2) ? 0 : Math.Max(0, squares / (sample ? n - 1 : n));
            builder.Add(statistic is Statistic.StdDev or Statistic.StdDevPopulation ? Math.Sqrt(variance) : variance);
        }
        return [builder.Build()];
    }
}
