using System.Text.Json.Nodes;

namespace SentinelAiPack.Build.Playbooks;

/// <summary>
/// The version of a generated enrichment template (playbook or automation rule): the newest x.y.z in its
/// <c>metadata.releaseNotes</c>, else 1.0.0. The Content Hub package and the version lock both read it here.
/// </summary>
public static class TemplateVersion
{
    public const string Default = "1.0.0";

    public static string Of(JsonObject template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var versions = (template["metadata"]?["releaseNotes"] as JsonArray ?? [])
            .Select(n => n?["version"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null)
            .Select(v => v is not null && v.Count(c => c == '.') == 2 && Version.TryParse(v, out var parsed) ? parsed : null)
            .OfType<Version>()
            .ToList();
        return versions.Count == 0 ? Default : versions.Max()!.ToString(3);
    }
}
