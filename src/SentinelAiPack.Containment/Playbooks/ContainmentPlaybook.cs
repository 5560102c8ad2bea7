using System.Text.Json.Nodes;

namespace SentinelAiPack.Containment.Playbooks;

/// <summary>
/// One containment playbook: which incident entities it acts on, the actions it runs for each approved target, and
/// what its managed identity needs. <see cref="ContainmentPlaybookTemplate"/> wraps it in the shared workflow: incident
/// trigger, targets, approval e-mail, actions per target, incident comment.
/// </summary>
public sealed record ContainmentPlaybook
{
    /// <summary>Playbook (Logic App) name, e.g. AIPack-Contain-RevokeUserSessions.</summary>
    public required string Name { get; init; }

    /// <summary>Template title (metadata.title).</summary>
    public required string Title { get; init; }

    /// <summary>What the playbook does and when to use it (metadata.description).</summary>
    public required string Description { get; init; }

    /// <summary>What the action does, in the approval e-mail and the comments ("revoke the sign-in sessions of").</summary>
    public required string Verb { get; init; }

    /// <summary>WDL array expression the targets come from (usually the incident's entities).</summary>
    public string TargetsFrom { get; init; } = Wdl.Entities;

    /// <summary>WDL boolean expression over <c>item()</c> that selects and shape-checks a target.</summary>
    public required string TargetFilter { get; init; }

    /// <summary>WDL expression over <c>item()</c> naming a target (an id, never free text), for the e-mail and comments.</summary>
    public required string TargetLabel { get; init; }

    /// <summary>
    /// The actions run for each target, inside the targets loop: they read <see cref="Wdl.Target"/> and record their
    /// outcome with <see cref="Steps.Record"/>, which the incident comment lists.
    /// </summary>
    public required JsonObject TargetActions { get; init; }

    /// <summary>Extra ARM parameters (name → parameter definition), passed into the workflow under the same name.</summary>
    public JsonObject Parameters { get; init; } = new();

    /// <summary>Extra resources deployed with the playbook (e.g. the evidence storage).</summary>
    public JsonArray Resources { get; init; } = [];

    /// <summary>Resource ids the workflow depends on besides its connections.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Sentinel entity kinds the playbook reads, for the template metadata.</summary>
    public required IReadOnlyList<string> Entities { get; init; }

    /// <summary>What the playbook's managed identity must be granted after deployment.</summary>
    public required IReadOnlyList<string> Permissions { get; init; }

    /// <summary>Newest first; the newest version is the template's version.</summary>
    public required IReadOnlyList<ReleaseNote> ReleaseNotes { get; init; }
}

/// <summary>One entry of a template's <c>metadata.releaseNotes</c>.</summary>
public sealed record ReleaseNote(string Version, string Title, IReadOnlyList<string> Notes);
