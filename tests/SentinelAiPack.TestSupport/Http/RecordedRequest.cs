namespace SentinelAiPack.TestSupport.Http;

/// <summary>A request the server received, for assertions (the Authorization header is kept out).</summary>
public sealed record RecordedRequest(string Method, string Path, string QueryString, string? Audience, byte[] RawBody, Fault? InjectedFault, int Status);
