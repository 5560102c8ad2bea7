using System.Text;
using System.Text.Json;
using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Content.Json;

/// <summary>A JSON value with the line/column it starts at, so schema findings can point into the file.</summary>
public sealed class JsonTreeNode
{
    internal JsonTreeNode(JsonValueKind kind, SourcePosition position)
    {
        Kind = kind;
        Position = position;
    }

    public JsonValueKind Kind { get; }

    public SourcePosition Position { get; }

    public SourceSpan Span => new(Position.Line, Position.Column);

    /// <summary>String value, or the raw text of a number/true/false.</summary>
    public string? Text { get; internal set; }

    public List<(string Name, SourcePosition NamePosition, JsonTreeNode Value)> Properties { get; } = [];

    public List<JsonTreeNode> Items { get; } = [];

    /// <summary>The first property whose name matches case-insensitively (schema files spell keys both ways).</summary>
    public JsonTreeNode? Get(string name) =>
        Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    public string KindName => Kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}

/// <summary>Parses JSON (comments and trailing commas allowed) into <see cref="JsonTreeNode"/>s with positions.</summary>
public static class JsonTree
{
    public const int MaxDepth = 64;

    /// <summary>The root node, or null after reporting malformed JSON (SAP5020) with its line and column.</summary>
    public static JsonTreeNode? Parse(byte[] utf8, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var bytes = utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8[3..] : utf8;
        var lines = new ByteLines(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = MaxDepth,
        });
        var stack = new Stack<JsonTreeNode>();
        string? pendingName = null;
        var pendingNamePosition = default(SourcePosition);
        JsonTreeNode? root = null;
        try
        {
            while (reader.Read())
            {
                var position = lines.GetPosition((int)reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingName = reader.GetString();
                        pendingNamePosition = position;
                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var container = new JsonTreeNode(reader.TokenType == JsonTokenType.StartObject ? JsonValueKind.Object : JsonValueKind.Array, position);
                        Attach(container);
                        stack.Push(container);
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        stack.Pop();
                        continue;
                    default:
                        var kind = reader.TokenType switch
                        {
                            JsonTokenType.String => JsonValueKind.String,
                            JsonTokenType.Number => JsonValueKind.Number,
                            JsonTokenType.True => JsonValueKind.True,
                            JsonTokenType.False => JsonValueKind.False,
                            _ => JsonValueKind.Null,
                        };
                        var value = new JsonTreeNode(kind, position)
                        {
                            Text = kind == JsonValueKind.String ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan),
                        };
                        Attach(value);
                        continue;
                }
            }
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            diagnostics.Add(LoadingCodes.MalformedJson, new SourceSpan(line, column),
                $"Malformed JSON at line {line}, column {column}: {FirstSentence(ex.Message)}");
            return null;
        }
        if (root is null)
        {
            diagnostics.Add(LoadingCodes.EmptyFile, SourceSpan.Unknown, "File has no JSON content.");
        }
        return root;

        void Attach(JsonTreeNode node)
        {
            if (stack.Count == 0)
            {
                root = node;
            }
            else if (stack.Peek().Kind == JsonValueKind.Object)
            {
                stack.Peek().Properties.Add((pendingName ?? string.Empty, pendingNamePosition, node));
            }
            else
            {
                stack.Peek().Items.Add(node);
            }
            pendingName = null;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    /// <summary>Byte offset to line/column (column in characters of the decoded line).</summary>
    private sealed class ByteLines
    {
        private readonly byte[] _bytes;
        private readonly List<int> _starts = [0];

        public ByteLines(byte[] bytes)
        {
            _bytes = bytes;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public SourcePosition GetPosition(int offset)
        {
            var line = _starts.BinarySearch(offset);
            if (line < 0)
            {
                line = ~line - 1;
            }
            var start = _starts[line];
            var column = Encoding.UTF8.GetCharCount(_bytes, start, Math.Max(0, offset - start)) + 1;
            return new SourcePosition(line + 1, column);
        }
    }
}
