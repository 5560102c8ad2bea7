using System.Text.Json;

namespace SentinelAiPack.Telemetry.RedTeam;

/// <summary>
/// Reads a labelled prompt list, the format corpora are exchanged in: JSON Lines, one object per prompt,
/// <c>{"id", "prompt", "family", "source", "label": "attack"|"benign"|"discussion", "channel": "user"|"document"|"tool"}</c>
/// (channel optional, default user). For the user channel the prompt is what the user typed; for document and tool it
/// is the text of a retrieved document or of a tool's output. Each line is checked on its own; a bad line is reported
/// with its number and the others are imported. Ids must be unique.
/// </summary>
public static class PromptListReader
{
    private static readonly string[] Keys = ["id", "prompt", "family", "source", "label", "channel"];

    public static ImportResult Read(string path, string displayPath)
    {
        var problems = new List<ImportProblem>();
        var attempts = new List<RedTeamAttempt>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, value, error) in JsonLines.Read(path))
        {
            if (error is not null)
            {
                problems.Add(new ImportProblem(displayPath, line, error));
                continue;
            }
            var (attempt, problem) = Parse(value!.Value);
            if (attempt is null)
            {
                problems.Add(new ImportProblem(displayPath, line, problem!));
                continue;
            }
            if (seen.TryGetValue(attempt.Id, out var first))
            {
                problems.Add(new ImportProblem(displayPath, line, $"id '{Shown(attempt.Id)}' is already used on line {first}; skipped"));
                continue;
            }
            seen[attempt.Id] = line;
            attempts.Add(attempt with { Origin = $"{displayPath}:{line}" });
        }
        return new ImportResult(attempts, problems);
    }

    private static (RedTeamAttempt? Attempt, string? Problem) Parse(JsonElement line)
    {
        if (line.ValueKind != JsonValueKind.Object)
        {
            return (null, "each line must be a JSON object {\"id\", \"prompt\", \"family\", \"source\", \"label\"}");
        }
        var unknown = line.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !Keys.Contains(n, StringComparer.Ordinal));
        if (unknown is not null)
        {
            return (null, $"unknown key \"{Shown(unknown)}\" (keys: {string.Join(", ", Keys)})");
        }
        string? Field(string name, bool required, out string? problem)
        {
            problem = null;
            var value = Json.Property(line, name);
            if (value is null)
            {
                problem = required ? $"\"{name}\" is missing" : null;
                return null;
            }
            if (value.Value.ValueKind != JsonValueKind.String)
            {
                problem = $"\"{name}\" must be a string, not {value.Value.ValueKind.ToString().ToLowerInvariant()}";
                return null;
            }
            var text = value.Value.GetString()!;
            if (required && string.IsNullOrWhiteSpace(text))
            {
                problem = $"\"{name}\" is empty";
                return null;
            }
            return text;
        }
        var id = Field("id", true, out var idProblem);
        var prompt = Field("prompt", true, out var promptProblem);
        var family = Field("family", true, out var familyProblem);
        var source = Field("source", false, out var sourceProblem);
        var label = Field("label", true, out var labelProblem);
        var channel = Field("channel", false, out var channelProblem) ?? RedTeamChannels.User;
        if (new[] { idProblem, promptProblem, familyProblem, sourceProblem, labelProblem, channelProblem }.FirstOrDefault(p => p is not null) is { } problem)
        {
            return (null, problem);
        }
        if (!RedTeamLabels.All.Contains(label!, StringComparer.Ordinal))
        {
            return (null, $"\"label\" is '{Shown(label!)}'; expected attack, benign or discussion");
        }
        if (!RedTeamChannels.All.Contains(channel, StringComparer.Ordinal))
        {
            return (null, $"\"channel\" is '{Shown(channel)}'; expected user, document or tool");
        }
        return (new RedTeamAttempt
        {
            Id = id!,
            Family = family!,
            Source = source ?? "",
            Label = label!,
            Channel = channel,
            Messages = channel == RedTeamChannels.User ? [new RedTeamMessage("user", prompt!)] : [],
            Payload = channel == RedTeamChannels.User ? null : prompt,
        }, null);
    }

    /// <summary>A value from the file, short and with control characters escaped, for a problem message.</summary>
    internal static string Shown(string value)
    {
        var text = value.Length > 60 ? value[..60] + "..." : value;
        return string.Concat(text.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}
