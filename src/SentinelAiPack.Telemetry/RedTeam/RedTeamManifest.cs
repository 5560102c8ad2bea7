using System.Text.Json;
using System.Text.Json.Serialization;

namespace SentinelAiPack.Telemetry.RedTeam;

/// <summary>
/// <c>redteam.json</c>, written beside the tables by <c>aipack redteam import</c>: which session holds which attempt,
/// with its family, label and channel, so <c>aipack redteam report</c> can attribute the alerts it simulates.
/// </summary>
public sealed record RedTeamManifest
{
    public const string FileName = "redteam.json";
    public const string CurrentFormat = "aipack-redteam/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Format { get; init; } = CurrentFormat;

    /// <summary>What was imported: garak, pyrit or prompts, and the file.</summary>
    public required string Source { get; init; }

    /// <summary>Time of the first and last event written.</summary>
    public required DateTime From { get; init; }

    public required DateTime To { get; init; }

    public bool WithVerdict { get; init; }

    public required IReadOnlyList<Entry> Attempts { get; init; }

    public sealed record Entry
    {
        public required string Id { get; init; }

        public required string Session { get; init; }

        public required string User { get; init; }

        public required string Family { get; init; }

        public required string Source { get; init; }

        public required string Label { get; init; }

        public required string Channel { get; init; }

        public required DateTime Time { get; init; }

        /// <summary>The payload text, cut to 300 characters (as written; escape it where it is shown).</summary>
        public required string Excerpt { get; init; }

        public bool? ModelCompromised { get; init; }
    }

    public void Write(string folder) => File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Options) + "\n");

    /// <summary>Reads a manifest; <see cref="InvalidDataException"/> says what is wrong with it.</summary>
    public static RedTeamManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{FileName} is missing: import the red-team results with 'aipack redteam import ... --out {folder}' first.");
        }
        RedTeamManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<RedTeamManifest>(File.ReadAllText(path), Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{FileName}: {JsonLines.FirstSentence(e.Message)}", e);
        }
        if (manifest is null || manifest.Format != CurrentFormat)
        {
            throw new InvalidDataException($"{FileName} is not an {CurrentFormat} manifest.");
        }
        return manifest;
    }
}
