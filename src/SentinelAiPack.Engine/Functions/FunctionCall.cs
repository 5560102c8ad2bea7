using SentinelAiPack.Engine.Compilation;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Functions;

/// <summary>What a built-in's binder gets: the call's name, compiled arguments, their tree nodes and the analyzer's result kind.</summary>
internal sealed class FunctionCall(string name, TreeNode node, IReadOnlyList<TreeNode> argNodes, ScalarKind resultKind, CompileContext context, RowContext row)
{
    private IReadOnlyList<ScalarExpr>? _args;

    public string Name { get; } = name;

    public TreeNode Node { get; } = node;

    public IReadOnlyList<TreeNode> ArgNodes { get; } = argNodes;

    public ScalarKind ResultKind { get; } = resultKind;

    public CompileContext Context { get; } = context;

    public RowContext Row { get; } = row;

    /// <summary>The arguments compiled as scalar expressions (on first use: some built-ins read raw nodes instead).</summary>
    public IReadOnlyList<ScalarExpr> Args => _args ??= ArgNodes.Select(n => Context.Scalars.Compile(n, Row)).ToArray();

    public int Count => ArgNodes.Count;

    public ScalarExpr Arg(int index) => Args[index];

    /// <summary>An argument converted to a kind.</summary>
    public ScalarExpr Arg(int index, ScalarKind kind) => Context.Scalars.Coerce(Args[index], kind);

    /// <summary>The value of an argument that must be constant (a format, a unit, a regex).</summary>
    public object? ConstantArg(int index)
    {
        var arg = Args[index];
        if (!arg.IsConstant)
        {
            throw new EngineCompileException($"argument {index + 1} of {Name}() must be a constant for the local engine", $"function '{Name}' with a non-constant argument {index + 1}");
        }
        return arg.ValueFor(null!);
    }

    public string ConstantString(int index) => Values.ToKustoString(ConstantArg(index));

    public EngineCompileException Unsupported(string detail) =>
        new($"function '{Name}' {detail} is not supported by the local engine", $"function '{Name}' {detail}");
}
