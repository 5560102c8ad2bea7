using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentinelAiPack.Content.Json;

/// <summary>
/// The one deterministic JSON writer of generated files: two-space indentation, LF line endings, a final newline and
/// no escaping of HTML-sensitive or non-ASCII characters, so generated files diff cleanly and are byte-identical run
/// after run. <see cref="Serialize"/> sorts object keys (ARM templates, manifests, hashes over content);
/// <see cref="SerializeInOrder"/> keeps the order they were added in (workbooks and playbooks, whose editors have their
/// own order); <see cref="SerializeCompact"/> writes one line (JSON embedded in a string, such as ARM's <c>serializedData</c>).
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions SortedOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions InOrderOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions CompactOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Indented, object keys sorted ordinally at every level.</summary>
    public static string Serialize(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, SortedOptions))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Indented, object keys in the order they were added.</summary>
    public static string SerializeInOrder(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(InOrderOptions) + "\n";
    }

    /// <summary>One line, object keys in the order they were added, no final newline.</summary>
    public static string SerializeCompact(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(CompactOptions);
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
