using SentinelAiPack.Containment.Playbooks;
using SentinelAiPack.TestSupport.Http;

namespace SentinelAiPack.Containment.Tests.Fakes;

/// <summary>
/// Azure Blob Storage REST for the accounts it holds (<c>{account}.blob.core.windows.net</c>): Put Blob (BlockBlob),
/// Copy Blob inside one account (202 with <c>x-ms-copy-status</c>; another account's source cannot be authorized with
/// the caller's token: 403 CannotVerifyCopySource), Delete Blob (202, 404 BlobNotFound). Requires <c>x-ms-version</c>.
/// Containers with a time-based retention policy refuse overwrites and deletes (409 BlobImmutableDueToPolicy).
/// </summary>
public sealed class FakeBlobStorage : IFakeAzureApi
{
    private readonly object _gate = new();
    private readonly Dictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _immutableContainers = new(StringComparer.Ordinal);

    /// <summary>Answer "pending" to copies (a copy that has not finished).</summary>
    public bool CopiesPending { get; set; }

    public string ExpectedAudience => "https://storage.azure.com";

    public bool Matches(FakeRequest request) => FakeHost.Of(request).EndsWith(".blob.core.windows.net", StringComparison.Ordinal);

    public FakeResponse WrongAudience(string? audience) => new(401, "AuthenticationFailed: the token audience is not https://storage.azure.com");

    public void Add(string url, string content)
    {
        lock (_gate)
        {
            _blobs[Key(new Uri(url))] = System.Text.Encoding.UTF8.GetBytes(content);
        }
    }

    public void MakeImmutable(string account, string container)
    {
        lock (_gate)
        {
            _immutableContainers.Add($"{account}/{container}");
        }
    }

    public bool Exists(string url)
    {
        lock (_gate)
        {
            return _blobs.ContainsKey(Key(new Uri(url)));
        }
    }

    public string? Content(string url)
    {
        lock (_gate)
        {
            return _blobs.TryGetValue(Key(new Uri(url)), out var bytes) ? System.Text.Encoding.UTF8.GetString(bytes) : null;
        }
    }

    public IReadOnlyList<string> Blobs()
    {
        lock (_gate)
        {
            return [.. _blobs.Keys.Order(StringComparer.Ordinal)];
        }
    }

    public Task<FakeResponse> HandleAsync(FakeRequest request)
    {
        if (!request.Headers.TryGetValue("x-ms-version", out var version) || version != ApiVersions.BlobStorage)
        {
            return Task.FromResult(new FakeResponse(400, "MissingRequiredHeader or unsupported x-ms-version"));
        }
        var account = FakeHost.Of(request).Split('.')[0];
        var key = account + request.Path;
        var container = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        lock (_gate)
        {
            var immutable = _immutableContainers.Contains($"{account}/{container}");
            switch (request.Method)
            {
                case "PUT" when request.Headers.TryGetValue("x-ms-copy-source", out var source):
                    var sourceUri = new Uri(source);
                    if (!sourceUri.Host.Equals(FakeHost.Of(request), StringComparison.OrdinalIgnoreCase))
                    {
                        return Task.FromResult(new FakeResponse(403, "CannotVerifyCopySource"));
                    }
                    if (!_blobs.TryGetValue(Key(sourceUri), out var bytes))
                    {
                        return Task.FromResult(new FakeResponse(404, "CannotVerifyCopySource: the source blob does not exist"));
                    }
                    _blobs[key] = bytes;
                    return Task.FromResult(new FakeResponse(202)
                        .With("x-ms-copy-id", Guid.NewGuid().ToString())
                        .With("x-ms-copy-status", CopiesPending ? "pending" : "success"));
                case "PUT" when request.Headers.TryGetValue("x-ms-blob-type", out var type) && type == "BlockBlob":
                    if (immutable && _blobs.ContainsKey(key))
                    {
                        return Task.FromResult(new FakeResponse(409, "BlobImmutableDueToPolicy"));
                    }
                    _blobs[key] = request.Body();
                    return Task.FromResult(new FakeResponse(201));
                case "PUT":
                    return Task.FromResult(new FakeResponse(400, "MissingRequiredHeader x-ms-blob-type"));
                case "DELETE":
                    if (immutable)
                    {
                        return Task.FromResult(new FakeResponse(409, "BlobImmutableDueToPolicy"));
                    }
                    return Task.FromResult(_blobs.Remove(key) ? new FakeResponse(202) : new FakeResponse(404, "BlobNotFound"));
                default:
                    return Task.FromResult(new FakeResponse(405, "UnsupportedHttpVerb"));
            }
        }
    }

    private static string Key(Uri uri) => uri.Host.Split('.')[0].ToLowerInvariant() + Uri.UnescapeDataString(uri.AbsolutePath);
}
