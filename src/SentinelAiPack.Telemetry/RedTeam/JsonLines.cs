using System.Text;
using System.Text.Json;

namespace SentinelAiPack.Telemetry.RedTeam;

/// <summary>
/// Reads a JSON Lines file one line at a time with a bound on line length, so a hostile file (one huge line, binary
/// data, invalid UTF-8) costs at most the bound and is reported by line; blank lines are skipped.
/// </summary>
internal static class JsonLines
{
    /// <summary>Lines longer than this are reported and skipped (red-team attempts are kilobytes, not megabytes).</summary>
    public const int MaxLineChars = 8 * 1024 * 1024;

    public static IEnumerable<(int Line, JsonElement? Value, string? Error)> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true);
        var line = new StringBuilder();
        var number = 0;
        while (true)
        {
            var (end, tooLong) = ReadLine(reader, line);
            if (end && line.Length == 0 && !tooLong)
            {
                yield break;
            }
            number++;
            if (tooLong)
            {
                yield return (number, null, $"the line is longer than {MaxLineChars / (1024 * 1024)} M characters; skipped");
            }
            else if (line.ToString().Trim() is { Length: > 0 } text)
            {
                yield return Parse(number, text);
            }
            if (end)
            {
                yield break;
            }
        }
    }

    private static (int, JsonElement?, string?) Parse(int number, string text)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return (number, null, "the line holds binary data (NUL characters), not JSON");
        }
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 128 });
            return (number, document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (number, null, "not valid JSON: " + FirstSentence(e.Message));
        }
    }

    /// <summary>Reads up to the next newline; beyond the bound the rest of the line is consumed and dropped.</summary>
    private static (bool End, bool TooLong) ReadLine(StreamReader reader, StringBuilder line)
    {
        line.Clear();
        var tooLong = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                return (true, tooLong);
            }
            if (c == '\n')
            {
                return (false, tooLong);
            }
            if (tooLong)
            {
                continue;
            }
            if (line.Length >= MaxLineChars)
            {
                tooLong = true;
                line.Clear();
                continue;
            }
            line.Append((char)c);
        }
    }

    public static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}

/// <summary>Reading JSON values of unknown shape without exceptions.</summary>
internal static class Json
{
    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>A scalar as text (strings as they are, numbers and booleans as JSON), null for objects, arrays and null.</summary>
    public static string? Text(JsonElement? element) => element?.ValueKind switch
    {
        JsonValueKind.String => element.Value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.Value.GetRawText(),
        _ => null,
    };

    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];

    /// <summary>The class name of a PyRIT identifier dictionary (<c>class_name</c>, legacy <c>__type__</c> or <c>type</c>).</summary>
    public static string? ClassName(JsonElement? identifier) => identifier is { ValueKind: JsonValueKind.Object } value
        ? String(value, "class_name") ?? String(value, "__type__") ?? String(value, "type")
        : null;
}
