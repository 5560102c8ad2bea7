using System.Globalization;
using System.Text.Json;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Telemetry.SampleData;

namespace SentinelAiPack.Workbooks.Preview;

/// <summary>
/// The logs a preview runs on: tables loaded from a folder, the window they cover (the page's time range; the engine's
/// <c>now()</c> is frozen at its end so <c>ago()</c> baselines mean the same as on the day the data was captured), and a
/// line saying where they came from.
/// </summary>
public sealed record PreviewData(
    IReadOnlyDictionary<string, Table> Tables,
    IReadOnlyList<TableSchema> UnknownTables,
    DateTime Start,
    DateTime End,
    string Description,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public const string TimeColumn = "TimeGenerated";

    /// <summary>Watchlists for <c>_GetWatchlist(alias)</c>, from the folder's <c>watchlists/</c> subfolder, by alias.</summary>
    public IReadOnlyDictionary<string, Table> Watchlists { get; init; } = new Dictionary<string, Table>(StringComparer.OrdinalIgnoreCase);

    public long RowCount => Tables.Values.Sum(t => (long)t.RowCount);

    /// <summary>
    /// Loads a folder of exported logs (one file per table and a <c>watchlists/</c> subfolder, see <see cref="DataFolder"/>). The window is the one written in
    /// the generator's <c>scenarios.json</c> when present, else from the first to the last <c>TimeGenerated</c> (whole
    /// minutes). Throws <see cref="PreviewDataException"/> when the folder holds no timestamped rows at all.
    /// </summary>
    public static PreviewData FromFolder(string folder, SchemaSet schemas, Func<string, string>? displayPath = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        displayPath ??= p => p;
        if (!Directory.Exists(folder))
        {
            throw new PreviewDataException($"'{displayPath(folder)}' is not a folder.");
        }
        var loaded = DataFolder.Load(folder, schemas, displayPath);
        var window = ManifestWindow(Path.Combine(folder, SampleDataGenerator.ManifestFile)) ?? DataWindow(loaded.Tables)
            ?? throw new PreviewDataException($"No table in '{displayPath(folder)}' has a row with a {TimeColumn} value; " +
                "the preview needs data files named after their table (Table.jsonl, Table.json or Table.csv).");
        description ??= string.Create(CultureInfo.InvariantCulture,
            $"logs from {displayPath(folder)} ({loaded.Tables.Count} table{(loaded.Tables.Count == 1 ? "" : "s")}), {window.Start:yyyy-MM-dd HH:mm} to {window.End:yyyy-MM-dd HH:mm} UTC");
        return new PreviewData(loaded.Tables, loaded.UnknownTables, window.Start, window.End, description, loaded.Diagnostics) { Watchlists = loaded.Watchlists };
    }

    /// <summary>
    /// Generates sample traffic with every attack scenario into <paramref name="folder"/> (the default data of
    /// <c>aipack workbook preview</c>) and loads it. Attacks fall on the last day; earlier days are the baseline.
    /// </summary>
    public static PreviewData Generate(string folder, SchemaSet schemas, GeneratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        options = (options ?? DefaultGeneration) with { Scenarios = ["all"] };
        var summary = SampleDataGenerator.Generate(options, folder);
        var start = options.End.AddDays(-options.Days);
        var description = string.Create(CultureInfo.InvariantCulture,
            $"generated sample traffic with {summary.Scenarios.Count} attack scenarios ({options.Users} users, seed {options.Seed}), {start:yyyy-MM-dd HH:mm} to {options.End:yyyy-MM-dd HH:mm} UTC");
        return FromFolder(folder, schemas, description: description);
    }

    /// <summary>What the preview generates by default: a week, so "first seen" and drift tiles have a baseline.</summary>
    public static GeneratorOptions DefaultGeneration { get; } = new() { Users = 200, Days = 7, Scenarios = ["all"] };

    private static (DateTime Start, DateTime End)? ManifestWindow(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && ReadTime(root, "start") is { } start && ReadTime(root, "end") is { } end && start < end)
            {
                return (start, end);
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // A damaged manifest is not fatal: the window then comes from the data itself.
        }
        return null;
    }

    private static DateTime? ReadTime(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String &&
        DateTime.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? DateTime.SpecifyKind(time, DateTimeKind.Utc)
            : null;

    /// <summary>From the minute of the first record to the minute after the last one, over every table.</summary>
    private static (DateTime Start, DateTime End)? DataWindow(IReadOnlyDictionary<string, Table> tables)
    {
        long min = long.MaxValue, max = long.MinValue;
        foreach (var table in tables.Values)
        {
            var index = table.Schema.IndexOf(TimeColumn);
            if (index < 0 || table.Schema[index].Kind != ScalarKind.DateTime || table.Column(index) is not Column<long> times)
            {
                continue;
            }
            for (var row = 0; row < times.Length; row++)
            {
                if (!times.IsNull(row))
                {
                    min = Math.Min(min, times[row]);
                    max = Math.Max(max, times[row]);
                }
            }
        }
        if (min > max)
        {
            return null;
        }
        var minute = TimeSpan.TicksPerMinute;
        return (new DateTime(min - (min % minute), DateTimeKind.Utc), new DateTime(max - (max % minute) + minute, DateTimeKind.Utc));
    }
}

/// <summary>The data for a preview could not be loaded; the message says why.</summary>
public sealed class PreviewDataException(string message) : Exception(message);
