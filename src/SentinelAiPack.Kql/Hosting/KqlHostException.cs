namespace SentinelAiPack.Kql.Hosting;

/// <summary>The JavaScript side failed or could not be started.</summary>
public sealed class KqlHostException(string message, Exception? inner = null) : Exception(message, inner);
