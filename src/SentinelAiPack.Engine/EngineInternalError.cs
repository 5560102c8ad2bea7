namespace SentinelAiPack.Engine;

/// <summary>
/// Exceptions the engine did not anticipate (a bug: InvalidCast, NullReference, KeyNotFound...). Callers turn them into
/// one item's error with a one-line message, so a run over many rules or cases goes on with the others.
/// </summary>
public static class EngineInternalError
{
    /// <summary>True for an unexpected failure: not a refusal, not a data problem, not a cancellation.</summary>
    public static bool Is(Exception e) =>
        e is not (OperationCanceledException or EngineCompileException or EngineRuntimeException or OutOfMemoryException);

    /// <summary>The message users see: the exception's type and message, never its stack trace.</summary>
    public static string Describe(Exception e) => $"internal error in the local engine ({e.GetType().Name}: {e.Message})";
}
