namespace SentinelAiPack.Telemetry.Schemas;

/// <summary>A table schema file that cannot be used; the message names the file, the line (0 when unknown) and the problem.</summary>
public sealed class TableSchemaException : Exception
{
    public TableSchemaException(string filePath, int line, string problem)
        : base(line > 0 ? $"{filePath}({line}): {problem}" : $"{filePath}: {problem}")
    {
        FilePath = filePath;
        Line = line;
        Problem = problem;
    }

    public TableSchemaException()
    {
        FilePath = string.Empty;
        Problem = string.Empty;
    }

    public TableSchemaException(string message) : base(message)
    {
        FilePath = string.Empty;
        Problem = message;
    }

    public TableSchemaException(string message, Exception innerException) : base(message, innerException)
    {
        FilePath = string.Empty;
        Problem = message;
    }

    public string FilePath { get; }

    public int Line { get; }

    public string Problem { get; }
}
