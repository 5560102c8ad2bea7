using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Scalars;

internal enum SetOp
{
    In,
    HasAny,
    HasAll,
}

/// <summary>
/// One element of the right side of in/has_any/has_all: a scalar (a dynamic array contributes its elements)
/// or the first column of a tabular expression.
/// </summary>
internal sealed class SetSource
{
    private SetSource(ScalarExpr? scalar, TabularPlan? table)
    {
        Scalar = scalar;
        Table = table;
    }

    public ScalarExpr? Scalar { get; }

    public TabularPlan? Table { get; }

    public bool IsRowInvariant => Table is not null || Scalar!.IsRowInvariant;

    public static SetSource Of(ScalarExpr scalar) => new(scalar, null);

    public static SetSource Of(TabularPlan table) => new(null, table);

    public IEnumerable<object?> ValuesFor(RunState run)
    {
        if (Table is not null)
        {
            var table = Table.Execute(run);
            if (table.Schema.Count == 0)
            {
                yield break;
            }
            var column = table.Column(0);
            for (var i = 0; i < column.Length; i++)
            {
                yield return column.GetValue(i);
            }
            yield break;
        }
        foreach (var value in Expand(Scalar!.ValueFor(run)))
        {
            yield return value;
        }
    }

    public static IEnumerable<object?> Expand(object? value) => value is DynArray array ? array : [value];
}

/// <summary>
/// <c>in</c>, <c>!in</c>, <c>in~</c>, <c>!in~</c>, <c>has_any</c>, <c>has_all</c>. Right-side values are converted to the
/// left side's kind and gathered into a set once per run; a null left side is never in the set.
/// </summary>
internal sealed class InExpr(SetOp op, bool caseSensitive, bool negate, ScalarExpr left, IReadOnlyList<SetSource> sources)
    : ScalarExpr(ScalarKind.Bool)
{
    private readonly StringComparison _comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    public override Column Evaluate(in Batch batch)
    {
        var column = left.Evaluate(batch);
        var result = new bool[column.Length];
        if (sources.All(s => s.IsRowInvariant))
        {
            var run = batch.Run;
            var matcher = run.Once(this, () => BuildMatcher(run));
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = matcher(column, i) != negate;
            }
        }
        else
        {
            var input = batch.Input;
            var start = batch.Start;
            var run = batch.Run;
            for (var i = 0; i < result.Length; i++)
            {
                var rowBatch = new Batch(input, start + i, 1, run);
                var values = sources.SelectMany(s => s.Table is not null
                    ? s.ValuesFor(run)
                    : SetSource.Expand(s.Scalar!.Evaluate(rowBatch).GetValue(0)));
                result[i] = BuildMatcher(values)(column, i) != negate;
            }
        }
        return new Column<bool>(ScalarKind.Bool, result);
    }

    private Func<Column, int, bool> BuildMatcher(RunState run) => BuildMatcher(sources.SelectMany(s => s.ValuesFor(run)));

    private Func<Column, int, bool> BuildMatcher(IEnumerable<object?> values)
    {
        if (op != SetOp.In)
        {
            var needles = values.Select(Values.ToKustoString).Where(n => n.Length > 0).Distinct().ToArray();
            return TermMatcher(needles);
        }
        var kind = left.Kind;
        if (kind == ScalarKind.String)
        {
            var set = new HashSet<string>(values.Where(v => v is not null).Select(Values.ToKustoString),
                _comparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
            return (column, row) => set.Contains(((Column<string>)column)[row]);
        }
        if (kind.IsLongStorage())
        {
            var set = new HashSet<long>();
            foreach (var value in values)
            {
                if (Values.ConvertTo(value, kind) is { } converted)
                {
                    set.Add(converted switch
                    {
                        DateTime t => t.Ticks,
                        TimeSpan t => t.Ticks,
                        _ => Convert.ToInt64(converted, System.Globalization.CultureInfo.InvariantCulture),
                    });
                }
            }
            return (column, row) => !column.IsNull(row) && set.Contains(((Column<long>)column)[row]);
        }
        var objects = new HashSet<object?>(values.Select(v => kind == ScalarKind.Dynamic ? Dyn.FromValue(v) : Values.ConvertTo(v, kind))
            .Where(v => v is not null), ValueComparer.Instance);
        return (column, row) => column.GetValue(row) is { } value && objects.Contains(kind == ScalarKind.Dynamic ? value : value);
    }

    private Func<Column, int, bool> TermMatcher(string[] needles)
    {
        var comparison = _comparison;
        if (op == SetOp.HasAny && needles.Length > 4 && needles.All(Terms.IsSingleTerm))
        {
            // Many single-term needles: split each value into terms once and look them up.
            var set = new HashSet<string>(needles, comparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
            var lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
            return (column, row) => Terms.AnyTerm(ValueText(column, row), term => lookup.Contains(term.Span));
        }
        if (op == SetOp.HasAny)
        {
            return (column, row) =>
            {
                var text = ValueText(column, row);
                foreach (var needle in needles)
                {
                    if (Terms.Has(text, needle, comparison))
                    {
                        return true;
                    }
                }
                return false;
            };
        }
        return (column, row) =>
        {
            var text = ValueText(column, row);
            foreach (var needle in needles)
            {
                if (!Terms.Has(text, needle, comparison))
                {
                    return false;
                }
            }
            return true;
        };
    }

    private static string ValueText(Column column, int row) =>
        column is Column<string> strings ? strings[row] : Values.ToKustoString(column.GetValue(row));
}
