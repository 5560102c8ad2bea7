using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary>Every query operator the engine runs, by syntax kind, registered in one place.</summary>
internal static class OperatorRegistry
{
    private static readonly Dictionary<string, IOperatorCompiler> ByKind = Build();

    private static Dictionary<string, IOperatorCompiler> Build()
    {
        IOperatorCompiler[] compilers =
        [
            new WhereOperator(),
            new ExtendOperator(),
            new ProjectOperator(),
            new ProjectAwayOperator(),
            new ProjectKeepOperator(),
            new ProjectRenameOperator(),
            new ProjectReorderOperator(),
            new SummarizeOperator(),
            new SortOperator(),
            new TopOperator(),
            new TakeOperator(),
            new DistinctOperator(),
            new CountOperator(),
            new PrintOperator(),
            new UnionOperator(),
            new JoinOperator(),
            new LookupOperator(),
            new MvExpandOperator(),
            new MvApplyOperator(),
            new ParseOperator(),
            new MakeSeriesOperator(),
            new RangeOperator(),
            new RenderOperator(),
            new InvokeOperator(),
            new SerializeOperator(),
            new AsOperator(),
        ];
        var map = new Dictionary<string, IOperatorCompiler>(StringComparer.Ordinal);
        foreach (var compiler in compilers)
        {
            foreach (var kind in compiler.Kinds)
            {
                map.Add(kind, compiler);
            }
        }
        return map;
    }

    public static bool TryGet(string kind, out IOperatorCompiler compiler) => ByKind.TryGetValue(kind, out compiler!);

    /// <summary>The operator as users write it (its keyword), for messages such as "operator 'evaluate' is not supported".</summary>
    public static string DisplayName(TreeNode node)
    {
        var keyword = node.Nodes.FirstOrDefault(n => n.IsToken && n.Kind.EndsWith("Keyword", StringComparison.Ordinal));
        return keyword?.Text ?? node.Kind.Replace("Operator", "", StringComparison.Ordinal).ToLowerInvariant();
    }
}
