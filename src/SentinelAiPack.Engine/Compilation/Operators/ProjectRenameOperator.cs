using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>project-rename new = old</c>: renames columns in place.</summary>
internal sealed class ProjectRenameOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["ProjectRenameOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var schema = input!.Schema;
        var names = schema.Columns.Select(c => c.Name).ToArray();
        foreach (var item in node.ListItems("Expressions"))
        {
            var newName = ScalarCompiler.NameText(item.Required("Name"));
            var oldName = ScalarCompiler.NameText(item.Required("Expression"));
            var index = schema.IndexOf(oldName);
            if (index < 0 && context.Options.Lenient)
            {
                continue;
            }
            if (index < 0)
            {
                throw new EngineCompileException($"project-rename: column '{oldName}' is not in the input");
            }
            names[index] = newName;
        }
        var builder = new ProjectionBuilder(input, context);
        builder.OutputAll(names.Select((n, i) => (n, i)));
        return builder.Build(node);
    }
}
