using System.Text.Json;

namespace SentinelAiPack.Azure.Sentinel;

/// <summary>The workspace a Sentinel instance lives in.</summary>
public sealed record SentinelWorkspace(string SubscriptionId, string ResourceGroup, string WorkspaceName);

/// <summary>Incident severities as the API spells them.</summary>
public enum IncidentSeverity
{
    /// <summary>Informational.</summary>
    Informational,

    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,
}

/// <summary>An incident: the fields enrichers read, its etag, and the raw <c>properties</c> for anything else.</summary>
public sealed record SentinelIncident(
    string Name,
    string? Etag,
    string Title,
    string? Description,
    string Severity,
    string Status,
    long? IncidentNumber,
    IReadOnlyList<string> Labels,
    JsonElement Properties);

/// <summary>An alert of an incident (kind SecurityAlert); <see cref="Properties"/> holds the full documented object.</summary>
public sealed record SentinelAlert(
    string Name,
    string? AlertDisplayName,
    string? Severity,
    string? ProductName,
    string? AlertType,
    string? Description,
    DateTimeOffset? TimeGenerated,
    JsonElement Properties);

/// <summary>An entity of an incident: its kind (Account, Host, Ip, Url, …), friendly name and properties.</summary>
public sealed record SentinelEntity(string Name, string Kind, string? FriendlyName, JsonElement Properties);

/// <summary>A comment after create-or-update; <see cref="Created"/> is false when an existing comment was updated.</summary>
public sealed record SentinelComment(string Name, string Message, bool Created);

/// <summary>
/// A change to apply to an incident: labels (tags) to add and, optionally, a new severity. Existing labels are kept.
/// </summary>
public sealed record IncidentUpdate(IReadOnlyList<string> AddLabels, IncidentSeverity? Severity = null);
