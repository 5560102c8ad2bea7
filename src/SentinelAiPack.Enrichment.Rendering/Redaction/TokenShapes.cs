using System.Text;
using System.Text.Json;

namespace SentinelAiPack.Enrichment.Rendering.Redaction;

/// <summary>Validators that recognise a token by what it decodes to rather than by how it starts.</summary>
public static class TokenShapes
{
    /// <summary>
    /// True when the first dot-separated part of <paramref name="candidate"/> is base64url of a JOSE header: a JSON
    /// object naming <c>alg</c>, <c>enc</c> or <c>typ</c> (RFC 7515/7516). So a JWT is caught whatever its header's
    /// spacing or key order and whatever its payload is (not only <c>eyJ….eyJ…</c>).
    /// </summary>
    public static bool IsJoseToken(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var dot = candidate.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || Base64UrlDecode(candidate[..dot]) is not { } header)
        {
            return false;
        }

        var text = header.TrimStart();
        if (!text.StartsWith('{'))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.EnumerateObject().Any(p => p.Name is "alg" or "enc" or "typ");
        }
        catch (JsonException)
        {
            // A header that is not quite JSON is still a header if it names the algorithm.
            return text.Contains("\"alg\"", StringComparison.Ordinal) || text.Contains("\"typ\"", StringComparison.Ordinal);
        }
    }

    private static string? Base64UrlDecode(string part)
    {
        var base64 = part.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        base64 += (base64.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
        var bytes = new byte[base64.Length];
        if (base64.Length % 4 == 1 || !Convert.TryFromBase64String(base64, bytes, out var written))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
