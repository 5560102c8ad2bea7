using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary>
/// <c>make-series [Col =] Aggregation [default = v], ... on Axis [from a] [to b] step s [by keys]</c>.
/// Output: keys, one array per aggregation, then the axis array.
/// </summary>
internal sealed class MakeSeriesOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["MakeSeriesOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var row = new RowContext(input!.Schema);
        var columns = new List<ColumnInfo>();
        var keys = new List<ScalarExpr>();
        var keyNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in node.Child("ByClause")?.ListItems("Expressions") ?? [])
        {
            var named = key.Kind == "SimpleNamedExpression";
            var expr = context.Scalars.Compile(named ? key.Required("Expression") : key, row);
            if (expr.Kind == ScalarKind.Int)
            {
                expr = context.Scalars.Coerce(expr, ScalarKind.Long);
            }
            keys.Add(expr);
            var name = named ? ScalarCompiler.NameText(key.Required("Name")) : ScalarCompiler.NameText(key);
            keyNames.Add(name);
            columns.Add(new ColumnInfo(name, expr.Kind));
        }
        var aggregates = new List<SeriesAggregate>();
        foreach (var item in node.ListItems("Aggregates"))
        {
            var expression = item.Required("Expression");
            var named = expression.Kind == "SimpleNamedExpression";
            var call = named ? expression.Required("Expression") : expression;
            if (call.Kind != "FunctionCallExpression" || call.Symbol?.Origin != "aggregate")
            {
                throw EngineCompileException.NotSupported("make-series", "an aggregation that is an expression");
            }
            var spec = SummarizeOperator.Aggregate(call, context, row, keyNames);
            var defaultNode = item.Child("DefaultExpression");
            var defaultValue = defaultNode is null ? 0L : context.Scalars.Compile(defaultNode.Required("Expression"), RowContext.None).ValueFor(null!);
            aggregates.Add(new SeriesAggregate(spec, defaultValue));
            columns.Add(new ColumnInfo(named ? ScalarCompiler.NameText(expression.Required("Name")) : ScalarCompiler.NameText(call), ScalarKind.Dynamic));
        }
        var axisNode = node.Required("OnClause").Required("Expression");
        var axis = context.Scalars.Compile(axisNode, row);
        columns.Add(new ColumnInfo(ScalarCompiler.NameText(axisNode), ScalarKind.Dynamic));
        var range = node.Child("RangeClause");
        ScalarExpr? Part(string role) => range?.Child(role) is { } clause ? context.Scalars.Compile(clause.Required("Expression"), RowContext.None) : null;
        ScalarExpr? from, to, step;
        if (range?.Kind == "MakeSeriesInRangeClause")
        {
            // The older form: in range(from, to, step).
            var args = range.Required("Arguments").ListItems("Expressions").Select(a => context.Scalars.Compile(a, RowContext.None)).ToArray();
            if (args.Length != 3)
            {
                throw new EngineCompileException("make-series in range() needs from, to and step");
            }
            (from, to, step) = (args[0], args[1], args[2]);
        }
        else
        {
            (from, to, step) = (Part("MakeSeriesFromClause"), Part("MakeSeriesToClause"), Part("MakeSeriesStepClause"));
        }
        if (step is null)
        {
            throw new EngineCompileException("make-series needs a step");
        }
        var schema = new RowSchema(columns);
        var analyzer = context.AnalyzerColumns(node);
        if (analyzer is not null && analyzer.Count == columns.Count)
        {
            schema = new RowSchema(columns.Select((c, i) => c with { Name = analyzer[i].Name }));
        }
        return new MakeSeriesPlan(input, keys, aggregates, axis, from, to, step, schema);
    }
}
