using System.Text.Json;
using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Telemetry.Schemas;

/// <summary>
/// Reads one table schema in the Azure-Sentinel format (<c>{"Name", "Description", "Properties": [{"Name", "Type",
/// "Description"}]}</c>). Malformed input raises <see cref="TableSchemaException"/> naming the file, line and problem.
/// </summary>
public static class TableSchemaReader
{
    public static TableSchema Read(Stream json, string sourcePath)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new TableSchemaException(sourcePath, (int)(e.LineNumber ?? 0) + 1, $"not valid JSON: {FirstSentence(e.Message)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new TableSchemaException(sourcePath, 1, "the schema must be a JSON object with Name and Properties");
            }

            var name = RequiredString(root, "Name", sourcePath, "the table");
            if (!root.TryGetProperty("Properties", out var properties) || properties.ValueKind != JsonValueKind.Array)
            {
                throw new TableSchemaException(sourcePath, 0, $"table '{name}' has no Properties array");
            }

            var columns = new List<ColumnSchema>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var index = 0;
            foreach (var property in properties.EnumerateArray())
            {
                index++;
                var where = $"column #{index} of '{name}'";
                if (property.ValueKind != JsonValueKind.Object)
                {
                    throw new TableSchemaException(sourcePath, 0, $"{where} is not an object");
                }

                var columnName = RequiredString(property, "Name", sourcePath, where);
                var spelling = RequiredString(property, "Type", sourcePath, $"column '{columnName}' of '{name}'");
                var type = KustoType.Normalize(spelling)
                    ?? throw new TableSchemaException(sourcePath, 0, $"column '{columnName}' of '{name}' has unknown type '{spelling}'");
                if (!seen.Add(columnName))
                {
                    throw new TableSchemaException(sourcePath, 0, $"column '{columnName}' appears twice in '{name}'");
                }

                columns.Add(new ColumnSchema(columnName, type) { Description = OptionalString(property, "Description") });
            }

            return new TableSchema(name, columns) { SourcePath = sourcePath, Description = OptionalString(root, "Description") };
        }
    }

    public static TableSchema ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    private static string RequiredString(JsonElement element, string key, string sourcePath, string what)
    {
        if (element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString()!;
        }

        throw new TableSchemaException(sourcePath, 0, $"{what} has no '{key}' string");
    }

    private static string? OptionalString(JsonElement element, string key) =>
        element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
