using System.Text.Json;
using SentinelAiPack.Telemetry.SampleData;

namespace SentinelAiPack.Telemetry.Tests.SampleData;

/// <summary>A generated data set on disk with helpers to read its tables; deleted when disposed.</summary>
internal sealed class GeneratedData : IDisposable
{
    private readonly Dictionary<string, List<JsonElement>> _rows = new(StringComparer.Ordinal);

    public GeneratedData(GeneratorOptions options)
    {
        Options = options;
        Folder = Directory.CreateTempSubdirectory("aipack-gen-").FullName;
        Summary = SampleDataGenerator.Generate(options, Folder);
    }

    public GeneratorOptions Options { get; }

    public string Folder { get; }

    public GenerationSummary Summary { get; }

    public DateTime Start => Options.End.AddDays(-Options.Days);

    public IReadOnlyList<JsonElement> Rows(string table)
    {
        if (!_rows.TryGetValue(table, out var rows))
        {
            rows = [.. File.ReadLines(Path.Combine(Folder, table + ".jsonl")).Select(line => JsonDocument.Parse(line).RootElement)];
            _rows.Add(table, rows);
        }

        return rows;
    }

    public InjectedScenario Scenario(string name) => Summary.Scenarios.Single(s => s.Name == name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

internal static class JsonRowExtensions
{
    public static string S(this JsonElement row, string column) =>
        row.TryGetProperty(column, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    public static bool B(this JsonElement row, string column) => row.TryGetProperty(column, out var value) && value.ValueKind == JsonValueKind.True;

    public static double? D(this JsonElement row, string column) =>
        row.TryGetProperty(column, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    public static DateTime T(this JsonElement row, string column = "TimeGenerated") =>
        DateTime.Parse(row.S(column), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
}
