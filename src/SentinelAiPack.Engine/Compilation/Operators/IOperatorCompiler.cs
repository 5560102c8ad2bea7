using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary>Compiles one kind of query operator (one class per operator, registered in <see cref="OperatorRegistry"/>).</summary>
internal interface IOperatorCompiler
{
    /// <summary>The SyntaxKind names this compiler handles.</summary>
    IReadOnlyList<string> Kinds { get; }

    /// <summary>False for operators that can start a query (print, union, range).</summary>
    bool NeedsInput => true;

    TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context);
}
