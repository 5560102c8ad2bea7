using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>mv-apply [with_itemindex=i] x = Col to typeof(T), ... on (subquery)</c>: the subquery runs per input row.</summary>
internal sealed class MvApplyOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["MvApplyOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        if (node.Child("ContextIdClause") is not null)
        {
            throw EngineCompileException.NotSupported("mv-apply", "with context id");
        }
        var limit = MvItems.Limit(node.Child("RowLimitClause"), context);
        var expansion = MvItems.Compile(node, input!.Schema, context, limit);
        var indexName = OperatorParameters.Get(node, "with_itemindex");
        var subInput = new SubqueryInputPlan(new RowSchema(MvItems.Columns(input.Schema, expansion, indexName)));
        var subquery = Pipeline(node.Required("Subquery").Required("Expression"), subInput, context);
        var schema = context.AnalyzerSchema(node)
            ?? new RowSchema(input.Schema.Columns.Where(c => !subquery.Schema.Contains(c.Name)).Concat(subquery.Schema.Columns));
        return new MvApplyPlan(input, expansion, indexName, subInput, subquery, schema);
    }

    /// <summary>The subquery is a pipe of operators whose leftmost input is the per-row table.</summary>
    private static TabularPlan Pipeline(TreeNode node, TabularPlan input, CompileContext context)
    {
        if (node.Kind == "PipeExpression")
        {
            var left = Pipeline(node.Required("Expression"), input, context);
            return context.Tabular.Operator(node.Required("Operator"), left);
        }
        if (node.Kind == "ParenthesizedExpression")
        {
            return Pipeline(node.Required("Expression"), input, context);
        }
        return context.Tabular.Operator(node, input);
    }
}
