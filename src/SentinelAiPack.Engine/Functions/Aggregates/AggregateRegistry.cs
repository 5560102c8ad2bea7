using SentinelAiPack.Engine.Compilation;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Functions.Aggregates;

/// <summary>An aggregate call being compiled: arguments, the input row, and the group keys (for arg_max(x, *)).</summary>
internal sealed class AggregateCall(string name, TreeNode node, IReadOnlyList<TreeNode> argNodes, CompileContext context, RowContext row, IReadOnlySet<string> keyColumns)
{
    public string Name { get; } = name;

    public TreeNode Node { get; } = node;

    public IReadOnlyList<TreeNode> ArgNodes { get; } = argNodes;

    public RowContext Row { get; } = row;

    public IReadOnlySet<string> KeyColumns { get; } = keyColumns;

    public ScalarExpr Arg(int index) => context.Scalars.Compile(ArgNodes[index], Row);

    public ScalarExpr Arg(int index, ScalarKind kind) => context.Scalars.Coerce(Arg(index), kind);

    public ScalarKind ResultKind(ScalarKind fallback) => CompileContext.AnalyzerKind(Node) ?? fallback;

    public double ConstantNumber(int index) =>
        Values.ToReal(Arg(index).ValueFor(null!)) ?? throw new EngineCompileException($"argument {index + 1} of {Name}() must be a number");

    public int MaxSize(int index) =>
        index < ArgNodes.Count ? (int)Math.Clamp(ConstantNumber(index), 0, 1_048_576) : 1_048_576;

    public static ColumnInfo Output(ScalarKind kind) => new("", kind);
}

internal delegate AggregateSpec AggregateBinder(AggregateCall call);

/// <summary>Every aggregate function the engine runs, by name, registered in one place.</summary>
internal static class AggregateRegistry
{
    private static readonly Dictionary<string, AggregateBinder> Binders = Build();

    public static bool TryGet(string name, out AggregateBinder binder) => Binders.TryGetValue(name, out binder!);

    public static IReadOnlyCollection<string> Names => Binders.Keys;

    private static Dictionary<string, AggregateBinder> Build()
    {
        var map = new Dictionary<string, AggregateBinder>(StringComparer.Ordinal);
        void Add(AggregateBinder binder, params string[] names)
        {
            foreach (var name in names)
            {
                map.Add(name, binder);
            }
        }

        Add(c => Spec(c, [], ScalarKind.Long, () => new CountAggregator(false)), "count");
        Add(c => Spec(c, [c.Arg(0, ScalarKind.Bool)], ScalarKind.Long, () => new CountAggregator(true)), "countif");
        Add(c => Spec(c, [DistinctArg(c)], ScalarKind.Long, () => new DistinctCountAggregator(false)), "dcount", "count_distinct");
        Add(c => Spec(c, [DistinctArg(c), c.Arg(1, ScalarKind.Bool)], ScalarKind.Long, () => new DistinctCountAggregator(true)), "dcountif", "count_distinctif");
        Add(c => Sum(c, false), "sum");
        Add(c => Sum(c, true), "sumif");
        Add(c => Moment(c, MomentAggregator.Statistic.Average, false), "avg");
        Add(c => Moment(c, MomentAggregator.Statistic.Average, true), "avgif");
        Add(c => Moment(c, MomentAggregator.Statistic.StdDev, false), "stdev");
        Add(c => Moment(c, MomentAggregator.Statistic.StdDev, true), "stdevif");
        Add(c => Moment(c, MomentAggregator.Statistic.StdDevPopulation, false), "stdevp");
        Add(c => Moment(c, MomentAggregator.Statistic.Variance, false), "variance");
        Add(c => Moment(c, MomentAggregator.Statistic.Variance, true), "varianceif");
        Add(c => Moment(c, MomentAggregator.Statistic.VariancePopulation, false), "variancep");
        Add(c => MinMax(c, true, false), "max");
        Add(c => MinMax(c, false, false), "min");
        Add(c => MinMax(c, true, true), "maxif");
        Add(c => MinMax(c, false, true), "minif");
        Add(c => Collect(c, CollectAggregator.Mode.List, false), "make_list", "makelist");
        Add(c => Collect(c, CollectAggregator.Mode.List, true), "make_list_if");
        Add(c => Collect(c, CollectAggregator.Mode.List, false, withNulls: true), "make_list_with_nulls");
        Add(c => Collect(c, CollectAggregator.Mode.Set, false), "make_set", "makeset");
        Add(c => Collect(c, CollectAggregator.Mode.Set, true), "make_set_if");
        Add(c => Collect(c, CollectAggregator.Mode.Bag, false), "make_bag");
        Add(c => Collect(c, CollectAggregator.Mode.Bag, true), "make_bag_if");
        Add(c => ArgExtreme(c, ArgExtremeAggregator.Pick.Max), "arg_max");
        Add(c => ArgExtreme(c, ArgExtremeAggregator.Pick.Min), "arg_min");
        Add(TakeAny, "take_any", "any");
        Add(c => TakeAnyIf(c), "take_anyif", "anyif");
        Add(c => Percentiles(c, false), "percentile", "percentiles");
        Add(c => Percentiles(c, true), "percentileif", "percentilesif");
        return map;
    }

    private static AggregateSpec Spec(AggregateCall call, IReadOnlyList<ScalarExpr> args, ScalarKind kind, Func<Aggregator> create) =>
        new(call.Name, args, [AggregateCall.Output(kind)], create);

    // Distinct counting compares values of one storage kind: ints widen to long.
    private static ScalarExpr DistinctArg(AggregateCall call)
    {
        var arg = call.Arg(0);
        return arg.Kind == ScalarKind.Int ? call.Arg(0, ScalarKind.Long) : arg;
    }

    private static AggregateSpec Sum(AggregateCall call, bool conditional)
    {
        var value = call.Arg(0);
        var kind = call.ResultKind(value.Kind == ScalarKind.Real ? ScalarKind.Real : ScalarKind.Long);
        var storage = kind == ScalarKind.Real ? ScalarKind.Real : kind == ScalarKind.Decimal ? ScalarKind.Decimal : ScalarKind.Long;
        var args = new List<ScalarExpr> { call.Arg(0, storage) };
        if (conditional)
        {
            args.Add(call.Arg(1, ScalarKind.Bool));
        }
        return Spec(call, args, kind, () => new SumAggregator(kind == ScalarKind.Int ? ScalarKind.Long : kind, conditional));
    }

    private static AggregateSpec Moment(AggregateCall call, MomentAggregator.Statistic statistic, bool conditional)
    {
        var args = new List<ScalarExpr> { call.Arg(0, ScalarKind.Real) };
        if (conditional)
        {
            args.Add(call.Arg(1, ScalarKind.Bool));
        }
        return Spec(call, args, ScalarKind.Real, () => new MomentAggregator(statistic, conditional));
    }

    private static AggregateSpec MinMax(AggregateCall call, bool isMax, bool conditional)
    {
        var value = call.Arg(0);
        var kind = call.ResultKind(value.Kind);
        var args = new List<ScalarExpr> { value.Kind == ScalarKind.Int ? call.Arg(0, ScalarKind.Long) : value };
        if (conditional)
        {
            args.Add(call.Arg(1, ScalarKind.Bool));
        }
        return Spec(call, args, kind, () => new MinMaxAggregator(kind, isMax, conditional));
    }

    private static AggregateSpec Collect(AggregateCall call, CollectAggregator.Mode mode, bool conditional, bool withNulls = false)
    {
        if (withNulls)
        {
            throw EngineCompileException.NotSupported("function", call.Name);
        }
        var args = new List<ScalarExpr> { call.Arg(0) };
        var sizeIndex = 1;
        if (conditional)
        {
            args.Add(call.Arg(1, ScalarKind.Bool));
            sizeIndex = 2;
        }
        var maxSize = call.MaxSize(sizeIndex);
        return Spec(call, args, ScalarKind.Dynamic, () => new CollectAggregator(mode, conditional, maxSize));
    }

    private static AggregateSpec ArgExtreme(AggregateCall call, ArgExtremeAggregator.Pick pick)
    {
        var value = call.Arg(0);
        var (columns, outputs) = PickedColumns(call, call.ArgNodes.Skip(1), value, 0);
        var kind = value.Kind;
        return new AggregateSpec(call.Name, [value], [AggregateCall.Output(kind), .. outputs],
            () => new ArgExtremeAggregator(pick, kind, columns, false));
    }

    private static AggregateSpec TakeAny(AggregateCall call)
    {
        if (call.ArgNodes.Count == 1 && call.ArgNodes[0].Kind != "StarExpression")
        {
            var value = call.Arg(0);
            return new AggregateSpec(call.Name, [value], [AggregateCall.Output(value.Kind)],
                () => new ArgExtremeAggregator(ArgExtremeAggregator.Pick.Any, value.Kind, [], false));
        }
        // take_any(a, b, ...) or take_any(*): the columns of one row of the group.
        var (columns, outputs) = PickedColumns(call, call.ArgNodes, null, -1);
        var first = columns[0];
        var firstKind = call.Row.Schema[first].Kind;
        var firstExpr = new ColumnRefExpr(first, firstKind, call.Row.Schema[first].Name);
        return new AggregateSpec(call.Name, [firstExpr], outputs,
            () => new ArgExtremeAggregator(ArgExtremeAggregator.Pick.Any, firstKind, columns.Skip(1).ToArray(), false));
    }

    private static AggregateSpec TakeAnyIf(AggregateCall call)
    {
        var value = call.Arg(0);
        return new AggregateSpec(call.Name, [value, call.Arg(1, ScalarKind.Bool)], [AggregateCall.Output(value.Kind)],
            () => new ArgExtremeAggregator(ArgExtremeAggregator.Pick.Any, value.Kind, [], true));
    }

    /// <summary>The input columns an arg_max/take_any returns: listed columns, or for * every column but the keys and the compared one.</summary>
    private static (int[] Columns, ColumnInfo[] Outputs) PickedColumns(AggregateCall call, IEnumerable<TreeNode> nodes, ScalarExpr? compared, int _)
    {
        var schema = call.Row.Schema;
        var columns = new List<int>();
        foreach (var node in nodes)
        {
            if (node.Kind == "StarExpression")
            {
                var comparedName = compared is ColumnRefExpr c ? c.Name : null;
                for (var i = 0; i < schema.Count; i++)
                {
                    var name = schema[i].Name;
                    if (name != comparedName && !call.KeyColumns.Contains(name) && !columns.Contains(i))
                    {
                        columns.Add(i);
                    }
                }
                continue;
            }
            var expr = node.Kind == "SimpleNamedExpression" ? node.Required("Expression") : node;
            var index = schema.IndexOf(ScalarCompiler.NameText(expr));
            if (index < 0 || expr.Kind is not ("NameReference" or "BracketedExpression"))
            {
                throw EngineCompileException.NotSupported("function", call.Name + " with computed columns");
            }
            columns.Add(index);
        }
        return (columns.ToArray(), columns.Select(i => schema[i]).ToArray());
    }

    private static AggregateSpec Percentiles(AggregateCall call, bool conditional)
    {
        var value = call.Arg(0);
        var args = new List<ScalarExpr> { value };
        var last = call.ArgNodes.Count;
        if (conditional)
        {
            args.Add(call.Arg(last - 1, ScalarKind.Bool));
            last--;
        }
        var percentages = Enumerable.Range(1, last - 1).Select(call.ConstantNumber).ToArray();
        var kind = value.Kind == ScalarKind.Int ? ScalarKind.Long : value.Kind;
        return new AggregateSpec(call.Name, args, percentages.Select(_ => AggregateCall.Output(kind)).ToArray(),
            () => new PercentileAggregator(kind, percentages, conditional));
    }
}
