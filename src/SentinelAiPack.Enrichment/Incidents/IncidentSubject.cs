namespace SentinelAiPack.Enrichment.Incidents;

/// <summary>
/// What an incident is about, as found in its alerts' custom details and its entities: sessions, conversations, users,
/// deployments and the time of the activity. Every value came from log data and is attacker-influenced: it is only
/// ever bound as a query parameter or rendered through the safe comment builder.
/// </summary>
public sealed record IncidentSubject
{
    /// <summary>Title of the incident.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>Current severity (Informational, Low, Medium, High).</summary>
    public string Severity { get; init; } = string.Empty;

    /// <summary>Labels already on the incident.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Application session ids (custom detail SessionId).</summary>
    public IReadOnlyList<string> SessionIds { get; init; } = [];

    /// <summary>Conversation ids (custom detail ConversationId).</summary>
    public IReadOnlyList<string> ConversationIds { get; init; } = [];

    /// <summary>User principal names (Account entities, custom detail UserPrincipalName).</summary>
    public IReadOnlyList<string> Users { get; init; } = [];

    /// <summary>Client IP addresses (IP entities).</summary>
    public IReadOnlyList<string> ClientIps { get; init; } = [];

    /// <summary>Model deployment names (custom detail Deployment, AzureResource entities of deployments).</summary>
    public IReadOnlyList<string> Deployments { get; init; } = [];

    /// <summary>Online endpoint names (custom detail Endpoint, AzureResource entities of endpoints).</summary>
    public IReadOnlyList<string> Endpoints { get; init; } = [];

    /// <summary>Azure resource ids (AzureResource entities).</summary>
    public IReadOnlyList<string> ResourceIds { get; init; } = [];

    /// <summary>SHA-256 of payloads the rule matched (custom detail ContentSha256).</summary>
    public IReadOnlyList<string> ContentHashes { get; init; } = [];

    /// <summary>Tool names (custom detail ToolName).</summary>
    public IReadOnlyList<string> ToolNames { get; init; } = [];

    /// <summary>Alert display names and types of the incident's alerts.</summary>
    public IReadOnlyList<string> AlertNames { get; init; } = [];

    /// <summary>Earliest activity the incident covers.</summary>
    public DateTimeOffset? FirstActivity { get; init; }

    /// <summary>Latest activity the incident covers.</summary>
    public DateTimeOffset? LastActivity { get; init; }

    /// <summary>The activity window; when the incident has no times, the hour before <paramref name="now"/>.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) ActivityWindow(DateTimeOffset now)
    {
        var start = FirstActivity ?? LastActivity ?? now.AddHours(-1);
        var end = LastActivity ?? FirstActivity ?? now;
        return end < start ? (end, start) : (start, end);
    }

    /// <summary>True when there is a session or conversation to read.</summary>
    public bool HasConversation => SessionIds.Count > 0 || ConversationIds.Count > 0;

    /// <summary>True when there is a deployment, endpoint or resource to check.</summary>
    public bool HasModelTarget => Deployments.Count > 0 || Endpoints.Count > 0 || ResourceIds.Count > 0;
}
