using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary><c>join kind=... (right) on keys</c>: kinds innerunique (default), inner, leftouter, rightouter, fullouter, left/right semi and anti.</summary>
internal sealed class JoinOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["JoinOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var kind = Kind(OperatorParameters.Get(node, "kind"));
        var right = context.Tabular.Compile(node.Required("Expression"));
        var clause = node.Child("ConditionClause") ?? throw EngineCompileException.NotSupported("join", "without an 'on' clause");
        if (clause.Kind != "JoinOnClause")
        {
            throw EngineCompileException.NotSupported("join", "'where' condition");
        }
        var (leftKeys, rightKeys, _) = JoinKeys.Compile(clause.ListItems("Expressions"), input!.Schema, right.Schema, context);
        var columns = new List<JoinColumn>();
        var infos = new List<ColumnInfo>();
        if (kind is not (JoinKind.RightSemi or JoinKind.RightAnti))
        {
            for (var i = 0; i < input.Schema.Count; i++)
            {
                columns.Add(new JoinColumn(false, i));
                infos.Add(input.Schema[i]);
            }
        }
        if (kind is not (JoinKind.LeftSemi or JoinKind.LeftAnti))
        {
            for (var i = 0; i < right.Schema.Count; i++)
            {
                columns.Add(new JoinColumn(true, i));
                infos.Add(right.Schema[i]);
            }
        }
        var schema = Names(infos, context.AnalyzerColumns(node));
        return new JoinPlan(input, right, kind, leftKeys, rightKeys, columns, schema);
    }

    /// <summary>Output names: the analyzer's (right-side duplicates get a numeric suffix, e.g. a1); kinds are our columns'.</summary>
    public static RowSchema Names(IReadOnlyList<ColumnInfo> columns, IReadOnlyList<(string Name, ScalarKind? Kind)>? analyzer)
    {
        if (analyzer is not null && analyzer.Count == columns.Count)
        {
            return new RowSchema(columns.Select((c, i) => new ColumnInfo(analyzer[i].Name, c.Kind)));
        }
        var used = new HashSet<string>(StringComparer.Ordinal);
        return new RowSchema(columns.Select(c =>
        {
            var name = c.Name;
            for (var n = 1; !used.Add(name); n++)
            {
                name = c.Name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return c with { Name = name };
        }));
    }

    private static JoinKind Kind(string? text) => text?.ToLowerInvariant() switch
    {
        null or "innerunique" => JoinKind.InnerUnique,
        "inner" => JoinKind.Inner,
        "leftouter" => JoinKind.LeftOuter,
        "rightouter" => JoinKind.RightOuter,
        "fullouter" or "outer" => JoinKind.FullOuter,
        "leftsemi" or "semi" => JoinKind.LeftSemi,
        "leftanti" or "anti" or "leftantisemi" => JoinKind.LeftAnti,
        "rightsemi" => JoinKind.RightSemi,
        "rightanti" or "rightantisemi" => JoinKind.RightAnti,
        _ => throw EngineCompileException.NotSupported("join kind", text),
    };
}
