using System.Globalization;
using SentinelAiPack.Build;
using SentinelAiPack.Cli.Content;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Simulation;

namespace SentinelAiPack.Cli.Simulation;

/// <summary>
/// What <c>simulate</c> and <c>redteam report</c> load, in one place: the content and its schema set (through the same
/// loader build and lock use, so issue 13's shared workspace can replace this in one spot), the analytics rules to
/// run, a data folder, and the time options.
/// </summary>
public static class SimulationInputs
{
    /// <summary>The content of <paramref name="paths"/> (default: the settings' content folders) with its schemas; loading errors are printed.</summary>
    public static async Task<PackContent> LoadContentAsync(IOContext io, IReadOnlyList<string> paths, IReadOnlyList<string> schemaFolders, CancellationToken cancellationToken)
    {
        var (input, settingsDiagnostics) = PackInputs.Resolve(io, paths, schemaFolders);
        var content = await ContentPipeline.LoadAsync(input, analyzer: null, cancellationToken).ConfigureAwait(false);
        await PackInputs.PrintAsync(io, settingsDiagnostics.Concat(ContentPipeline.LoadingErrors(content))).ConfigureAwait(false);
        return content;
    }

    /// <summary>The analytics rules of the content (hunting queries have no schedule), in file order, with display paths.</summary>
    public static IReadOnlyList<(AnalyticRule Rule, string DisplayPath)> Rules(IOContext io, PackContent content) =>
        content.Content.Templates.OfType<AnalyticRule>()
            .Select(r => (r, io.Display(Path.GetFullPath(r.FilePath))))
            .OrderBy(r => r.Item2, StringComparer.Ordinal)
            .ToList();

    /// <summary>A folder of exported logs (as <c>aipack run --data</c> reads it); files that cannot be read are reported and skipped.</summary>
    public static async Task<(SimulationData Data, LoadedData Loaded)> LoadDataAsync(IOContext io, string folderOption, SentinelAiPack.Content.Schemas.SchemaSet schemas)
    {
        var folder = io.Resolve(folderOption);
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"--data: '{folderOption}' is not a folder.");
        }
        var loaded = DataFolder.Load(folder, schemas, io.Display);
        foreach (var diagnostic in loaded.Diagnostics)
        {
            await io.Error.WriteLineAsync($"{diagnostic.FilePath}: {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Code}: {diagnostic.Message}").ConfigureAwait(false);
        }
        return (new SimulationData(loaded.Tables, loaded.Watchlists, new FolderExternalData(folder)), loaded);
    }

    /// <summary>A UTC time option (ISO 8601), or null when not given.</summary>
    public static DateTime? ParseTime(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }
        return Engine.Runtime.Values.ParseDateTime(text) is { } ticks
            ? new DateTime(ticks, DateTimeKind.Utc)
            : throw new UsageException($"{option}: '{text}' is not a date and time (use ISO 8601, e.g. 2026-03-01T12:00:00Z).");
    }

    /// <summary>
    /// The range to simulate: the options, else the whole UTC days the data covers (what <c>aipack generate</c> wrote:
    /// seven days of data are the seven days from the first midnight).
    /// </summary>
    public static (DateTime From, DateTime To) Range(DateTime? from, DateTime? to, SimulationData? data)
    {
        if (from is null || to is null)
        {
            if (data?.TimeRange() is not { } range)
            {
                throw new UsageException("--from and --to are required: the data has no TimeGenerated to take the range from.");
            }
            from ??= range.First.Date;
            to ??= range.Last.Date == range.Last ? range.Last : range.Last.Date.AddDays(1);
        }
        if (to <= from)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--to ({to:O}) must be after --from ({from:O})."));
        }
        return (from.Value, to.Value);
    }
}
