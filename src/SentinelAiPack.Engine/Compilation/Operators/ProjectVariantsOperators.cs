using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>project-away</c>: every input column except those matched.</summary>
internal sealed class ProjectAwayOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["ProjectAwayOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var schema = input!.Schema;
        var removed = node.ListItems("Expressions").SelectMany(i => ColumnPatterns.Match(schema, ColumnPatterns.Text(i))).ToHashSet();
        var builder = new ProjectionBuilder(input, context);
        builder.OutputAll(Enumerable.Range(0, schema.Count).Where(i => !removed.Contains(i)).Select(i => (schema[i].Name, i)));
        return builder.Build(node);
    }
}

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

/// <summary><c>project-reorder</c>: the matched columns first (sorted by name when asc/desc is given), then the rest.</summary>
internal sealed class ProjectReorderOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["ProjectReorderOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var schema = input!.Schema;
        var order = new List<int>();
        foreach (var item in node.ListItems("Expressions"))
        {
            var matched = ColumnPatterns.Match(schema, ColumnPatterns.Text(item)).Where(i => !order.Contains(i));
            var direction = item.Child("Ordering")?.Child("AscOrDescKeyword")?.Text;
            matched = direction switch
            {
                "asc" or "granny-asc" => matched.OrderBy(i => schema[i].Name, StringComparer.Ordinal),
                "desc" or "granny-desc" => matched.OrderByDescending(i => schema[i].Name, StringComparer.Ordinal),
                _ => matched,
            };
            order.AddRange(matched.ToArray());
        }
        order.AddRange(Enumerable.Range(0, schema.Count).Where(i => !order.Contains(i)));
        var builder = new ProjectionBuilder(input, context);
        builder.OutputAll(order.Select(i => (schema[i].Name, i)));
        return builder.Build(node);
    }
}
