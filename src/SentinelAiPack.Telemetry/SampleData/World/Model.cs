namespace SentinelAiPack.Telemetry.SampleData.World;

/// <summary>An employee of the simulated tenant.</summary>
public sealed record Person(
    int Index,
    string Upn,
    string ObjectId,
    string DisplayName,
    string Department,
    string Country,
    string HomeIp,
    string OfficeIp,
    string UserAgent,
    IReadOnlyList<string> Groups,
    double Activity)
{
    public bool IsMlEngineer { get; init; }

    public bool IsDeployer { get; init; }
}

/// <summary>A service principal or managed identity.</summary>
public sealed record ServiceIdentity(string Name, string AppId, string ObjectId);

/// <summary>A model deployment (Azure OpenAI deployment or AML online deployment).</summary>
public sealed record ModelDeployment(
    string Name,
    string Platform,
    string ServiceName,
    string EndpointName,
    string ModelName,
    string ModelVersion,
    string Sha256,
    string ResourceId,
    string RaiPolicy);

/// <summary>A tool an agent can call, as the application's tool catalog describes it.</summary>
public sealed record ToolSpec(string Name, string Category, string ActionKind, string TargetType, string? McpServer);

/// <summary>How an application's model calls reach the logs besides its own custom tables.</summary>
public enum AppChannel
{
    /// <summary>Through Azure API Management (LLM, gateway and MCP logs).</summary>
    ApiManagement,

    /// <summary>Direct to the model with OpenTelemetry GenAI spans in Application Insights.</summary>
    OpenTelemetry,
}

/// <summary>An AI application with its agent, model deployment, tools and knowledge base.</summary>
public sealed record AiApp(
    string Name,
    string AgentName,
    string AgentId,
    ModelDeployment Deployment,
    AppChannel Channel,
    IReadOnlyList<ToolSpec> Tools,
    KnowledgeIndex? Index,
    IReadOnlyList<string> Topics,
    string SystemPrompt,
    string OutboundIp,
    string ApimSubscriptionId,
    string RoleInstance);

/// <summary>A document of a RAG knowledge base.</summary>
public sealed record KbDocument(
    string Id,
    string Title,
    string Uri,
    string Owner,
    IReadOnlyList<string> Acl,
    string Label,
    string Text,
    string Sha256,
    IReadOnlyList<string> Urls,
    IReadOnlyList<string> Emails)
{
    /// <summary>Set for documents a scenario planted; ordinary traffic never retrieves or updates them.</summary>
    public bool Planted { get; init; }
}

/// <summary>A RAG index and the blob container that feeds it.</summary>
public sealed record KnowledgeIndex(string Name, string Container, string StorageAccount, List<KbDocument> Documents);

/// <summary>A scheduled training or data job of the ML workspace.</summary>
public sealed record ScheduledJob(string Name, string Experiment, string Cluster, int Hour, int Minute, int DurationMinutes, string Dataset, bool RegistersModel);

/// <summary>The Azure Machine Learning estate: workspace, clusters, datasets, registry, online endpoint, network.</summary>
public sealed record MlEstate(
    string Workspace,
    string WorkspaceId,
    string WorkspaceResourceId,
    string Registry,
    string RegistryResourceId,
    IReadOnlyList<(string Name, string VmSize, int MaxNodes)> Clusters,
    IReadOnlyList<string> Datasets,
    IReadOnlyList<string> Datastores,
    IReadOnlyList<ScheduledJob> Schedule,
    ModelDeployment Endpoint,
    string TrainingSubnet,
    IReadOnlyList<string> TrainingNodeIps,
    IReadOnlyList<string> AllowedFqdns);
