using SentinelAiPack.Validation;

namespace SentinelAiPack.Cli.Infrastructure;

/// <summary>Draws one overwritten progress line on stderr, only when stderr is a terminal (CI logs stay clean).</summary>
public sealed class TerminalProgress(IOContext io) : IProgress<ValidationProgress>
{
    private int _lastLength;

    public void Report(ValidationProgress value)
    {
        if (!io.IsTerminal)
        {
            return;
        }
        var line = value.Total > 0 ? $"{value.Stage} {value.Done}/{value.Total}" : value.Stage;
        io.Error.Write("\r" + line.PadRight(_lastLength));
        _lastLength = line.Length;
    }

    /// <summary>Clears the progress line before results are printed.</summary>
    public void Clear()
    {
        if (io.IsTerminal && _lastLength > 0)
        {
            io.Error.Write("\r" + new string(' ', _lastLength) + "\r");
            _lastLength = 0;
        }
    }
}
