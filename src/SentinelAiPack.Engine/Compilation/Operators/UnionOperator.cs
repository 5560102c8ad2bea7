using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>union [kind=inner|outer] [withsource=Col] [isfuzzy=true] T1, T2, ...</c> (also piped: <c>T | union U</c>).</summary>
internal sealed class UnionOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["UnionOperator"];

    public bool NeedsInput => false;

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var inputs = new List<UnionInput>();
        if (input is not null)
        {
            inputs.Add(new UnionInput(input, "union_arg0"));
        }
        var fuzzy = string.Equals(OperatorParameters.Get(node, "isfuzzy"), "true", StringComparison.OrdinalIgnoreCase);
        foreach (var item in node.ListItems("Expressions"))
        {
            var name = item.Kind is "NameReference" or "BracketedExpression" ? ScalarCompiler.NameText(item) : "union_arg" + inputs.Count;
            if (fuzzy && item.SchemaIndex < 0 && item.Symbol?.Kind is null or "Error")
            {
                // isfuzzy=true: a table the analyzer could not resolve contributes nothing.
                continue;
            }
            inputs.Add(new UnionInput(context.Tabular.Compile(item), name));
        }
        var withSource = OperatorParameters.Get(node, "withsource") ?? OperatorParameters.Get(node, "withsource_name");
        var schema = context.AnalyzerSchema(node) ?? OwnSchema(inputs, withSource, OperatorParameters.Get(node, "kind") == "inner");
        var sourceColumn = withSource is null ? -1 : schema.IndexOf(withSource);
        return new UnionPlan(inputs, schema, sourceColumn, fuzzy);
    }

    /// <summary>Without the analyzer's type (lenient compiles): outer keeps every column, inner the common ones.</summary>
    private static RowSchema OwnSchema(IReadOnlyList<UnionInput> inputs, string? withSource, bool inner)
    {
        var columns = new List<ColumnInfo>();
        if (withSource is not null)
        {
            columns.Add(new ColumnInfo(withSource, ScalarKind.String));
        }
        var all = inputs.SelectMany(i => i.Plan.Schema.Columns).GroupBy(c => c.Name).Select(g => g.First());
        columns.AddRange(inner ? all.Where(c => inputs.All(i => i.Plan.Schema.Contains(c.Name))) : all);
        return new RowSchema(columns);
    }
}
