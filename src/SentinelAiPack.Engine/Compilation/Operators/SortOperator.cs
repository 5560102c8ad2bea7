using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>sort by</c> / <c>order by</c>: default descending; nulls first for asc, last for desc.</summary>
internal sealed class SortOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["SortOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context) =>
        new SortPlan(input!, Keys(node.ListItems("Expressions"), new RowContext(input!.Schema), context), null);

    public static IReadOnlyList<SortSpec> Keys(IEnumerable<TreeNode> items, RowContext row, CompileContext context) =>
        items.Select(item => Key(item, row, context)).ToArray();

    public static SortSpec Key(TreeNode item, RowContext row, CompileContext context)
    {
        var expression = item.Kind == "OrderedExpression" ? item.Required("Expression") : item;
        var ordering = item.Kind == "OrderedExpression" ? item.Child("Ordering") : null;
        var direction = ordering?.Child("AscOrDescKeyword")?.Text;
        var descending = direction is not ("asc" or "granny-asc");
        var nulls = ordering?.Child("NullsClause")?.Child("FirstOrLastKeyword")?.Text;
        var nullsFirst = nulls is null ? !descending : nulls == "first";
        return new SortSpec(context.Scalars.Compile(expression, row), descending, nullsFirst);
    }
}
