namespace SentinelAiPack.Engine.Compilation;

/// <summary>How strictly a tree is compiled.</summary>
public sealed class CompileOptions
{
    public static CompileOptions Default { get; } = new();

    /// <summary>
    /// For coverage measurement (<c>aipack engine-support</c>): names the analyzer could not resolve (tables the
    /// pack has no schema for, their columns) compile as opaque dynamic values instead of failing, and analyzer
    /// errors do not stop compilation. Such plans are for measuring operator/function support, not for running.
    /// </summary>
    public bool Lenient { get; init; }

    /// <summary>The built-in scalar functions the compiler binds calls to (tests substitute entries to inject failures).</summary>
    internal Functions.FunctionRegistry Functions { get; init; } = SentinelAiPack.Engine.Functions.FunctionRegistry.Instance;
}
