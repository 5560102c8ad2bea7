namespace SentinelAiPack.Cli.Infrastructure;

/// <summary>Exit codes shared by every command; CI scripts depend on them.</summary>
public static class ExitCodes
{
    /// <summary>Nothing failed.</summary>
    public const int Success = 0;

    /// <summary>The command ran and found errors (validation errors, failing tests).</summary>
    public const int Failures = 1;

    /// <summary>Bad command line or an internal error: the run's result cannot be trusted.</summary>
    public const int UsageOrInternalError = 2;
}
