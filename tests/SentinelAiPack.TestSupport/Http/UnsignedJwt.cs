using System.Buffers.Text;
using System.Text.Json;

namespace SentinelAiPack.TestSupport.Http;

/// <summary>Reads the <c>aud</c> claim of an unsigned (or any) JWT without validating it.</summary>
internal static class UnsignedJwt
{
    public static string? Audience(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = authorization["Bearer ".Length..].Split('.');
        if (parts.Length != 3)
        {
            return string.Empty;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(parts[1]);
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.TryGetProperty("aud", out var aud) && aud.ValueKind == JsonValueKind.String ? aud.GetString() : string.Empty;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return string.Empty;
        }
    }
}
