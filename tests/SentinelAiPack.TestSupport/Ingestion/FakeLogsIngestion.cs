using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using SentinelAiPack.TestSupport.Http;

namespace SentinelAiPack.TestSupport.Ingestion;

/// <summary>
/// The Logs Ingestion API, api-version 2023-01-01: <c>POST /dataCollectionRules/{dcr}/streams/{stream}</c> with a JSON
/// array (gzip allowed) answers 204 and records the rows per stream. A call over 1 MB (as sent or after
/// decompression) answers 413; a body that is not a JSON array answers 400.
/// </summary>
public sealed partial class FakeLogsIngestion : IFakeAzureApi
{
    /// <summary>The api-version this fake serves.</summary>
    public const string ApiVersion = "2023-01-01";

    /// <summary>Documented maximum size of one call.</summary>
    public const int MaxCallBytes = 1024 * 1024;

    private readonly ConcurrentDictionary<string, ConcurrentQueue<JsonElement>> _rows = new(StringComparer.Ordinal);
    private int _calls;

    /// <inheritdoc />
    public string ExpectedAudience => "https://monitor.azure.com";

    /// <summary>Successful calls so far.</summary>
    public int Calls => _calls;

    /// <summary>Sizes (uncompressed bytes) of accepted calls.</summary>
    public ConcurrentQueue<int> CallSizes { get; } = new();

    /// <summary>Rows received for a stream ("{dcr}/{stream}" or just the stream name).</summary>
    public IReadOnlyList<JsonElement> Rows(string stream) =>
        _rows.Where(r => r.Key == stream || r.Key.EndsWith("/" + stream, StringComparison.Ordinal)).SelectMany(r => r.Value).ToList();

    /// <inheritdoc />
    public bool Matches(FakeRequest request) => StreamPath().IsMatch(request.Path);

    /// <inheritdoc />
    public FakeResponse WrongAudience(string? audience) =>
        FakeResponse.Error(401, "InvalidTokenAudience", $"The access token audience '{audience}' is not valid for this endpoint; expected '{ExpectedAudience}'.");

    /// <inheritdoc />
    public Task<FakeResponse> HandleAsync(FakeRequest request) => Task.FromResult(Handle(request));

    private FakeResponse Handle(FakeRequest request)
    {
        if (request.Method != "POST")
        {
            return FakeResponse.Error(405, "MethodNotAllowed", "Only POST is supported.");
        }

        if (!request.Query.TryGetValue("api-version", out var version) || version != ApiVersion)
        {
            return FakeResponse.Error(400, "InvalidApiVersion", $"api-version must be {ApiVersion}.");
        }

        if (request.RawBody.Length > MaxCallBytes)
        {
            return TooLarge(request.RawBody.Length);
        }

        byte[] body;
        try
        {
            body = request.Body();
        }
        catch (InvalidDataException)
        {
            return FakeResponse.Error(400, "InvalidContentEncoding", "The body is not valid gzip.");
        }

        if (body.Length > MaxCallBytes)
        {
            return TooLarge(body.Length);
        }

        JsonElement rows;
        try
        {
            using var document = JsonDocument.Parse(body);
            rows = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return FakeResponse.Error(400, "InvalidPayload", "The body is not valid JSON.");
        }

        if (rows.ValueKind != JsonValueKind.Array)
        {
            return FakeResponse.Error(400, "InvalidPayload", "The body must be a JSON array of records.");
        }

        var match = StreamPath().Match(request.Path);
        var queue = _rows.GetOrAdd($"{match.Groups["dcr"].Value}/{match.Groups["stream"].Value}", _ => new ConcurrentQueue<JsonElement>());
        foreach (var row in rows.EnumerateArray())
        {
            queue.Enqueue(row);
        }

        CallSizes.Enqueue(body.Length);
        Interlocked.Increment(ref _calls);
        return FakeResponse.Empty(204);
    }

    private static FakeResponse TooLarge(int bytes) =>
        FakeResponse.Error(413, "ContentLengthLimitExceeded", $"The request has {bytes} bytes; the maximum is {MaxCallBytes} bytes (1 MB).");

    [GeneratedRegex("^/dataCollectionRules/(?<dcr>[^/]+)/streams/(?<stream>[^/]+)$")]
    private static partial Regex StreamPath();
}
