namespace SentinelAiPack.Cli.Infrastructure;

/// <summary>
/// Runs a command body so that no exception reaches the user as a stack trace: failures become one
/// "aipack: ..." line on stderr and exit code 2 (set AIPACK_DEBUG=1 to see the exception).
/// </summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(CliContext context, Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.IO.Error.WriteLineAsync("aipack: cancelled").ConfigureAwait(false);
            return ExitCodes.UsageOrInternalError;
        }
        catch (UsageException e)
        {
            await context.IO.Error.WriteLineAsync("aipack: " + e.Message).ConfigureAwait(false);
            return ExitCodes.UsageOrInternalError;
        }
#pragma warning disable CA1031 // The last line of defence: every failure becomes a message and exit code 2.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var debug = Environment.GetEnvironmentVariable("AIPACK_DEBUG") == "1";
            await context.IO.Error.WriteLineAsync("aipack: internal error: " + (debug ? e.ToString() : e.Message)).ConfigureAwait(false);
            return ExitCodes.UsageOrInternalError;
        }
    }
}

/// <summary>A problem with how the command was called (a missing folder, a conflicting option): exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
