using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary>
/// <c>lookup [kind=leftouter|inner] (dimension) on keys</c>: like a join that keeps every left row (leftouter,
/// the default) and adds the right side's non-key columns.
/// </summary>
internal sealed class LookupOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["LookupOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var kind = OperatorParameters.Get(node, "kind")?.ToLowerInvariant() switch
        {
            null or "leftouter" => JoinKind.LeftOuter,
            "inner" => JoinKind.Inner,
            var other => throw EngineCompileException.NotSupported("lookup kind", other),
        };
        var right = context.Tabular.Compile(node.Required("Expression"));
        var clause = node.Required("LookupClause");
        var (leftKeys, rightKeys, rightNames) = JoinKeys.Compile(clause.ListItems("Expressions"), input!.Schema, right.Schema, context);
        var columns = new List<JoinColumn>();
        var infos = new List<ColumnInfo>();
        for (var i = 0; i < input.Schema.Count; i++)
        {
            columns.Add(new JoinColumn(false, i));
            infos.Add(input.Schema[i]);
        }
        for (var i = 0; i < right.Schema.Count; i++)
        {
            if (!rightNames.Contains(right.Schema[i].Name))
            {
                columns.Add(new JoinColumn(true, i));
                infos.Add(right.Schema[i]);
            }
        }
        var schema = JoinOperator.Names(infos, context.AnalyzerColumns(node));
        return new JoinPlan(input, right, kind, leftKeys, rightKeys, columns, schema);
    }
}
