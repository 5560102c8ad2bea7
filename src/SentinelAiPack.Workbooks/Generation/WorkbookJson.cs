using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentinelAiPack.Workbooks.Generation;

/// <summary>
/// Deterministic JSON for generated artifacts: keys in the order they were added (the workbook editor's own order),
/// two-space indentation, LF line endings and a final newline; ids derived from names, never random.
/// </summary>
public static class WorkbookJson
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(Indented) + "\n";
    }

    /// <summary>One line, as ARM's <c>serializedData</c> holds it.</summary>
    public static string SerializeCompact(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(Compact);
    }

    /// <summary>A stable GUID for <paramref name="name"/> (SHA-256 based, version 5 layout).</summary>
    public static string StableGuid(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("aipack-workbook/" + name));
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
