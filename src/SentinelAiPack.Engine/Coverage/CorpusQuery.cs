using System.Text.Json;

namespace SentinelAiPack.Engine.Coverage;

/// <summary>One query of a corpus file: where it came from and its text.</summary>
public sealed record CorpusQuery(string Source, string Text);

/// <summary>Reads a corpus file: a JSON array of <c>{"src": ..., "q": ...}</c> objects (or of plain strings).</summary>
public static class CorpusFile
{
    public static IReadOnlyList<CorpusQuery> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{path}: expected a JSON array of queries");
        }
        var queries = new List<CorpusQuery>();
        var index = 0;
        foreach (var item in document.RootElement.EnumerateArray())
        {
            index++;
            switch (item.ValueKind)
            {
                case JsonValueKind.String:
                    queries.Add(new CorpusQuery($"#{index}", item.GetString()!));
                    break;
                case JsonValueKind.Object when item.TryGetProperty("q", out var q) && q.ValueKind == JsonValueKind.String:
                    var source = item.TryGetProperty("src", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : $"#{index}";
                    queries.Add(new CorpusQuery(source, q.GetString()!));
                    break;
                default:
                    throw new InvalidDataException($"{path}: item {index} is neither a string nor an object with a string \"q\"");
            }
        }
        return queries;
    }
}
