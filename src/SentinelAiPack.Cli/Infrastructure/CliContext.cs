namespace SentinelAiPack.Cli.Infrastructure;

/// <summary>What every command receives: the console and the services it may need (replaceable in tests).</summary>
public sealed class CliContext(IOContext io, CliServices services)
{
    public IOContext IO { get; } = io;

    public CliServices Services { get; } = services;
}
