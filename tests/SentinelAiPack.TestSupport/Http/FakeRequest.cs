using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentinelAiPack.TestSupport.Http;

/// <summary>A request as a fake sees it: already read, with the bearer token's audience decoded.</summary>
public sealed class FakeRequest
{
    internal FakeRequest(string method, string path, IReadOnlyDictionary<string, string> query, IReadOnlyDictionary<string, string> headers, byte[] rawBody, Uri baseUri, string? audience)
    {
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        RawBody = rawBody;
        BaseUri = baseUri;
        Audience = audience;
    }

    /// <summary>HTTP method.</summary>
    public string Method { get; }

    /// <summary>Raw query string including the leading '?'.</summary>
    public string QueryString { get; init; } = string.Empty;

    /// <summary>Unescaped path.</summary>
    public string Path { get; }

    /// <summary>Query string values (first value per name).</summary>
    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>Headers except Authorization (first value per name, case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body as sent (possibly gzip).</summary>
    public byte[] RawBody { get; }

    /// <summary>Scheme, host and port of the server, for URLs in answers.</summary>
    public Uri BaseUri { get; }

    /// <summary>The <c>aud</c> claim of the bearer token, or null when there was none.</summary>
    public string? Audience { get; }

    /// <summary>True when the body was sent with <c>Content-Encoding: gzip</c>.</summary>
    public bool IsGzip => Headers.TryGetValue("Content-Encoding", out var encoding) && encoding.Contains("gzip", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body after gzip decoding.</summary>
    public byte[] Body()
    {
        if (!IsGzip)
        {
            return RawBody;
        }

        using var input = new GZipStream(new MemoryStream(RawBody), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText() => Encoding.UTF8.GetString(Body());

    /// <summary>The body parsed as JSON, or null when it is not JSON.</summary>
    public JsonNode? Json()
    {
        try
        {
            return JsonNode.Parse(Body());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True when Content-Type is application/json.</summary>
    public bool IsJsonContent => Headers.TryGetValue("Content-Type", out var type) && type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);
}
