using System.Text;
using System.Text.Json.Nodes;
using SentinelAiPack.Content.Json;

namespace SentinelAiPack.Build.Json;

/// <summary>
/// One generated file: its path below the output folder ('/' separated) and its exact bytes. Text is UTF-8 without a
/// byte-order mark, with LF line endings, so the same input gives the same bytes on every machine.
/// </summary>
public sealed record ArtifactFile(string RelativePath, byte[] Bytes)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>JSON through the one canonical writer (sorted keys, two-space indent, LF, final newline).</summary>
    public static ArtifactFile Json(string relativePath, JsonNode node) => Text(relativePath, CanonicalJson.Serialize(node));

    public static ArtifactFile Text(string relativePath, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return new ArtifactFile(relativePath, Utf8.GetBytes(normalized));
    }

    public string TextContent => Utf8.GetString(Bytes);

    /// <summary>
    /// A name from content made safe as one path segment: letters, digits, '.', '-' and '_' kept, anything else '_',
    /// no leading dot (so "..", separators and hidden names cannot come from content).
    /// </summary>
    public static string SafeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = name.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray();
        var safe = new string(chars).TrimStart('.');
        return safe.Length == 0 ? "_" : safe;
    }
}
