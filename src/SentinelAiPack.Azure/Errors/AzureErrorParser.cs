using System.Text.Json;

namespace SentinelAiPack.Azure.Errors;

/// <summary>
/// Parses the error bodies Azure documents: <c>{"error":{...}}</c> (ARM, Log Analytics, Logs Ingestion) and the
/// bare <c>{"code","message"}</c> some endpoints return. Anything else yields null and the caller shows a snippet.
/// </summary>
internal static class AzureErrorParser
{
    private const int MaxDepth = 16;

    public static AzureErrorDetail? TryParse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (TryGet(root, "error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return Read(error, 0);
            }

            return TryGet(root, "code", out _) || TryGet(root, "message", out _) ? Read(root, 0) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads one error object (also used for errors embedded in 200 answers).</summary>
    public static AzureErrorDetail Read(JsonElement node, int depth)
    {
        var details = new List<AzureErrorDetail>();
        if (depth < MaxDepth && TryGet(node, "details", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            details.AddRange(list.EnumerateArray().Where(d => d.ValueKind == JsonValueKind.Object).Select(d => Read(d, depth + 1)));
        }

        AzureErrorDetail? inner = null;
        if (depth < MaxDepth && TryGet(node, "innererror", out var innerNode) && innerNode.ValueKind == JsonValueKind.Object)
        {
            inner = Read(innerNode, depth + 1);
        }

        return new AzureErrorDetail(Text(node, "code"), Text(node, "message"), Text(node, "target"), details, inner);
    }

    private static string? Text(JsonElement node, string name) =>
        TryGet(node, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // Azure is not consistent about casing ("innerError" vs "innererror"); match names case-insensitively.
    private static bool TryGet(JsonElement node, string name, out JsonElement value)
    {
        foreach (var property in node.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
