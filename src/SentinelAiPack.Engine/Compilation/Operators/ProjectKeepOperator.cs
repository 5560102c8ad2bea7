using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>project-keep</c>: only the matched columns, in input order.</summary>
internal sealed class ProjectKeepOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["ProjectKeepOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var schema = input!.Schema;
        var kept = node.ListItems("Expressions").SelectMany(i => ColumnPatterns.Match(schema, ColumnPatterns.Text(i))).ToHashSet();
        var builder = new ProjectionBuilder(input, context);
        builder.OutputAll(Enumerable.Range(0, schema.Count).Where(kept.Contains).Select(i => (schema[i].Name, i)));
        return builder.Build(node);
    }
}
