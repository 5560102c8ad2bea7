using SentinelAiPack.Engine.Functions.Aggregates;
using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary>
/// <c>summarize</c>: group keys (<c>by</c>) and aggregates. An aggregate item may be an expression over aggregate
/// calls (<c>x = sum(a) / count()</c>): the calls are computed by the summarize and the expression afterwards.
/// </summary>
internal sealed class SummarizeOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["SummarizeOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var row = new RowContext(input!.Schema);
        var analyzer = context.AnalyzerColumns(node);
        var keyNodes = node.Child("ByClause")?.ListItems("Expressions") ?? [];
        var keys = new List<ScalarExpr>();
        var columns = new List<ColumnInfo>();
        var keyColumns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var keyNode in keyNodes)
        {
            var (name, exprNode) = Split(keyNode);
            var expr = context.Scalars.Compile(exprNode, row);
            if (expr.Kind == ScalarKind.Int)
            {
                expr = context.Scalars.Coerce(expr, ScalarKind.Long);
            }
            if (name is null && expr is ColumnRefExpr column)
            {
                keyColumns.Add(column.Name);
            }
            keys.Add(expr);
            columns.Add(new ColumnInfo(name ?? NameAt(analyzer, columns.Count, exprNode), CompileContext.AnalyzerKind(exprNode) ?? expr.Kind));
        }

        var specs = new List<AggregateSpec>();
        var items = new List<(string? Name, TreeNode Expr, List<TreeNode> Calls)>();
        foreach (var item in node.ListItems("Aggregates"))
        {
            var (name, exprNode) = Split(item);
            var calls = new List<TreeNode>();
            FindAggregateCalls(exprNode, calls);
            if (calls.Count == 0)
            {
                throw new EngineCompileException($"summarize: '{exprNode.SourceText()}' is not an aggregation");
            }
            items.Add((name, exprNode, calls));
        }

        var direct = items.All(IsDirect);
        var hidden = new Dictionary<TreeNode, ScalarExpr>(ReferenceEqualityComparer.Instance);
        var itemColumns = new List<Range>();
        foreach (var (name, exprNode, calls) in items)
        {
            var first = columns.Count;
            foreach (var call in calls)
            {
                var spec = Aggregate(call, context, row, keyColumns);
                specs.Add(spec);
                foreach (var output in spec.Outputs)
                {
                    var columnName = direct ? name ?? NameAt(analyzer, columns.Count, exprNode) : "\0agg" + columns.Count;
                    if (!direct && spec.Outputs.Count == 1)
                    {
                        hidden[call] = new ColumnRefExpr(columns.Count, output.Kind, columnName);
                    }
                    columns.Add(new ColumnInfo(direct && (spec.Outputs.Count > 1 || string.IsNullOrEmpty(columnName)) ? NameAt(analyzer, columns.Count, exprNode) : columnName, output.Kind));
                }
            }
            itemColumns.Add(first..columns.Count);
        }
        TabularPlan plan = new SummarizePlan(input, keys, specs, new RowSchema(columns));
        if (direct)
        {
            return Conform.To(plan, analyzer);
        }

        // Expressions over aggregates: evaluate them over the summarized rows, keeping the keys.
        var after = new RowContext(plan.Schema) { Substitutions = hidden };
        var builder = new ProjectionBuilder(plan, context);
        for (var k = 0; k < keys.Count; k++)
        {
            builder.AddOutput(columns[k].Name, k);
        }
        for (var i = 0; i < items.Count; i++)
        {
            var (name, exprNode, _) = items[i];
            if (IsDirect(items[i]))
            {
                // A plain aggregate passes its columns through: all of them for arg_max(T, X) and other multi-column ones.
                var (offset, count) = itemColumns[i].GetOffsetAndLength(columns.Count);
                for (var c = offset; c < offset + count; c++)
                {
                    builder.AddOutput(count == 1 && name is not null ? name : NameAt(analyzer, builder.Outputs.Count, exprNode), c);
                }
                continue;
            }
            var expr = context.Scalars.Compile(exprNode, after);
            var columnName = name ?? NameAt(analyzer, builder.Outputs.Count, exprNode);
            builder.AddOutput(columnName, builder.Compute(columnName, expr));
        }
        return Conform.To(builder.Build(node), analyzer);
    }

    /// <summary>The item is one aggregate call, not an expression over aggregates.</summary>
    private static bool IsDirect((string? Name, TreeNode Expr, List<TreeNode> Calls) item) =>
        item.Calls.Count == 1 && ReferenceEquals(item.Calls[0], item.Expr);

    private static (string? Name, TreeNode Expr) Split(TreeNode item) =>
        item.Kind == "SimpleNamedExpression"
            ? (ScalarCompiler.NameText(item.Required("Name")), item.Required("Expression"))
            : (null, item);

    private static string NameAt(IReadOnlyList<(string Name, ScalarKind? Kind)>? analyzer, int position, TreeNode expr) =>
        analyzer is not null && position < analyzer.Count ? analyzer[position].Name : ScalarCompiler.NameText(expr);

    private static void FindAggregateCalls(TreeNode node, List<TreeNode> calls)
    {
        if (node.Kind == "FunctionCallExpression" && node.Symbol?.Origin == "aggregate")
        {
            calls.Add(node);
            return;
        }
        foreach (var child in node.Nodes)
        {
            FindAggregateCalls(child, calls);
        }
    }

    public static AggregateSpec Aggregate(TreeNode call, CompileContext context, RowContext row, IReadOnlySet<string> keyColumns)
    {
        var name = call.Symbol?.Name ?? ScalarCompiler.NameText(call.Required("Name"));
        if (!AggregateRegistry.TryGet(name, out var binder))
        {
            throw EngineCompileException.NotSupported("aggregate function", name);
        }
        var args = call.Child("ArgumentList")?.ListItems("Expressions") ?? [];
        return binder(new AggregateCall(name, call, args, context, row, keyColumns));
    }
}
