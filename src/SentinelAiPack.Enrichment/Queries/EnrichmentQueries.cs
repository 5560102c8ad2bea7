namespace SentinelAiPack.Enrichment.Queries;

/// <summary>Every query the enrichers run, with its declared parameters. Tests analyze each one against the pack's parsers.</summary>
public static class EnrichmentQueries
{
    private static readonly QueryParameter WindowStart = new("windowStart", QueryParameterType.DateTime);
    private static readonly QueryParameter WindowEnd = new("windowEnd", QueryParameterType.DateTime);
    private static readonly QueryParameter SessionIds = new("sessionIds", QueryParameterType.StringList);
    private static readonly QueryParameter ConversationIds = new("conversationIds", QueryParameterType.StringList);
    private static readonly QueryParameter MaxChars = new("maxChars", QueryParameterType.Long);
    private static readonly QueryParameter MaxRows = new("maxRows", QueryParameterType.Long);
    private static readonly QueryParameter DeploymentNames = new("deploymentNames", QueryParameterType.StringList);
    private static readonly QueryParameter EndpointNames = new("endpointNames", QueryParameterType.StringList);
    private static readonly QueryParameter ResourceIds = new("resourceIds", QueryParameterType.StringList);

    /// <summary>Messages of the sessions and conversations.</summary>
    public static EnrichmentQuery ConversationTranscript { get; } =
        EnrichmentQuery.Load("ConversationTranscript", WindowStart, WindowEnd, SessionIds, ConversationIds, MaxChars, MaxRows);

    /// <summary>Detected content-safety findings of the sessions and conversations.</summary>
    public static EnrichmentQuery ContentSafetyFindings { get; } =
        EnrichmentQuery.Load("ContentSafetyFindings", WindowStart, WindowEnd, SessionIds, ConversationIds, MaxChars, MaxRows);

    /// <summary>Tool calls of the sessions and conversations.</summary>
    public static EnrichmentQuery ToolCalls { get; } =
        EnrichmentQuery.Load("ToolCalls", WindowStart, WindowEnd, SessionIds, ConversationIds, MaxChars, MaxRows);

    /// <summary>Retrieved documents of the sessions and conversations.</summary>
    public static EnrichmentQuery Retrievals { get; } =
        EnrichmentQuery.Load("Retrievals", WindowStart, WindowEnd, SessionIds, ConversationIds, MaxChars, MaxRows);

    /// <summary>Other sessions of the users.</summary>
    public static EnrichmentQuery UserSessions { get; } =
        EnrichmentQuery.Load("UserSessions", WindowStart, WindowEnd, new("userList", QueryParameterType.StringList), SessionIds, MaxRows);

    /// <summary>The same payload from other users.</summary>
    public static EnrichmentQuery PayloadCampaign { get; } =
        EnrichmentQuery.Load("PayloadCampaign", WindowStart, WindowEnd,
            new("payloadHashes", QueryParameterType.StringList), new("payloadTexts", QueryParameterType.StringList), MaxRows);

    /// <summary>Sessions in which the users sent the payload.</summary>
    public static EnrichmentQuery PayloadSessions { get; } =
        EnrichmentQuery.Load("PayloadSessions", WindowStart, WindowEnd, new("userList", QueryParameterType.StringList),
            new("payloadHashes", QueryParameterType.StringList), MaxRows);

    /// <summary>Inventory snapshots of the deployments.</summary>
    public static EnrichmentQuery ModelInventory { get; } =
        EnrichmentQuery.Load("ModelInventory", WindowStart, WindowEnd, DeploymentNames, EndpointNames, ResourceIds, MaxRows);

    /// <summary>Deployments and registrations of the deployments and models.</summary>
    public static EnrichmentQuery DeploymentHistory { get; } =
        EnrichmentQuery.Load("DeploymentHistory", new("baselineStart", QueryParameterType.DateTime), WindowStart, WindowEnd,
            DeploymentNames, EndpointNames, ResourceIds, new("modelNames", QueryParameterType.StringList), MaxRows);

    /// <summary>Output statistics of the deployments.</summary>
    public static EnrichmentQuery OutputMetrics { get; } =
        EnrichmentQuery.Load("OutputMetrics", WindowStart, WindowEnd, new("binSize", QueryParameterType.TimeSpan), DeploymentNames, MaxRows);

    /// <summary>All queries.</summary>
    public static IReadOnlyList<EnrichmentQuery> All { get; } =
    [
        ConversationTranscript, ContentSafetyFindings, ToolCalls, Retrievals, UserSessions, PayloadCampaign, PayloadSessions,
        ModelInventory, DeploymentHistory, OutputMetrics,
    ];
}
