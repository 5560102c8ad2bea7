namespace SentinelAiPack.Engine;

/// <summary>
/// The compiler met a query it cannot turn into a plan. <see cref="Construct"/> names the operator or function
/// when the engine does not support it (reported as SAP6001), else it is an internal inconsistency (SAP6002).
/// </summary>
public sealed class EngineCompileException : Exception
{
    public EngineCompileException(string message, string? construct = null, int position = -1)
        : base(message)
    {
        Construct = construct;
        Position = position;
    }

    /// <summary>The unsupported operator/function as users write it (e.g. <c>operator 'evaluate'</c>), or null.</summary>
    public string? Construct { get; }

    /// <summary>Character offset in the query text, or -1 when unknown.</summary>
    public int Position { get; }

    public bool IsNotSupported => Construct is not null;

    public static EngineCompileException NotSupported(string what, string name) =>
        new($"{what} '{name}' is not supported by the local engine", $"{what} '{name}'");
}

/// <summary>
/// A query failed while running (bad data for an operator, a limit exceeded), or the engine failed internally
/// (<see cref="IsInternal"/>: an unexpected exception, kept as the inner exception).
/// </summary>
public sealed class EngineRuntimeException : Exception
{
    public EngineRuntimeException(string message)
        : base(message)
    {
    }

    public EngineRuntimeException(string message, Exception inner)
        : base(message, inner)
    {
        IsInternal = true;
    }

    /// <summary>True when the engine itself failed (a bug) rather than the query on its data.</summary>
    public bool IsInternal { get; }
}
