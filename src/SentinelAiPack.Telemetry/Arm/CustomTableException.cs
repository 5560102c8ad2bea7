namespace SentinelAiPack.Telemetry.Arm;

/// <summary>A custom table that cannot be deployed as defined; the message names the schema file and the problem.</summary>
public sealed class CustomTableException : Exception
{
    public CustomTableException(string schemaPath, string problem)
        : base($"{schemaPath}: {problem}")
    {
        SchemaPath = schemaPath;
        Problem = problem;
    }

    public CustomTableException()
    {
        SchemaPath = string.Empty;
        Problem = string.Empty;
    }

    public CustomTableException(string message) : base(message)
    {
        SchemaPath = string.Empty;
        Problem = message;
    }

    public CustomTableException(string message, Exception innerException) : base(message, innerException)
    {
        SchemaPath = string.Empty;
        Problem = message;
    }

    public string SchemaPath { get; }

    public string Problem { get; }
}
