using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>mv-expand [kind=bag|array] [with_itemindex=i] Col [to typeof(T)], ... [limit N]</c>.</summary>
internal sealed class MvExpandOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["MvExpandOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var limit = MvItems.Limit(node.Child("RowLimitClause"), context);
        var expansion = MvItems.Compile(node, input!.Schema, context, limit);
        var indexName = OperatorParameters.Get(node, "with_itemindex");
        var columns = MvItems.Columns(input.Schema, expansion, indexName);
        var analyzer = context.AnalyzerColumns(node);
        if (analyzer is not null && analyzer.Count == columns.Count)
        {
            columns = columns.Select((c, i) => new ColumnInfo(analyzer[i].Name, c.Kind)).ToList();
        }
        return new MvExpandPlan(input, expansion, indexName is not null, new RowSchema(columns));
    }
}
