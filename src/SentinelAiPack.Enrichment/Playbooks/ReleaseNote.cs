using System.Text.Json.Nodes;

namespace SentinelAiPack.Enrichment.Playbooks;

/// <summary>
/// One entry of a template's <c>metadata.releaseNotes</c>. The newest version listed is the template's version: the
/// Content Hub package and the version lock (<c>aipack lock</c>) read it, so a changed template ships with a new entry.
/// </summary>
public sealed record ReleaseNote(string Version, string Title, IReadOnlyList<string> Notes)
{
    /// <summary>The <c>releaseNotes</c> array, in the order given (newest first by convention).</summary>
    public static JsonArray ToJson(IReadOnlyList<ReleaseNote> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        return new JsonArray([.. notes.Select(n => (JsonNode)new JsonObject
        {
            ["version"] = n.Version,
            ["title"] = n.Title,
            ["notes"] = ArmJson.Strings([.. n.Notes]),
        })]);
    }
}
