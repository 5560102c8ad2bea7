namespace SentinelAiPack.Build.Deploy;

/// <summary>Where to deploy: the workspace's resource group and name (ARM), its id (query API) and optionally a region for the data collection resources.</summary>
public sealed record DeployTarget(string SubscriptionId, string ResourceGroup, string WorkspaceName, string WorkspaceId)
{
    /// <summary>Region for templates with a <c>location</c> parameter (the custom tables' data collection endpoint and rules); null keeps their default.</summary>
    public string? Location { get; init; }

    /// <summary>
    /// Values of further template parameters by name (<c>--parameter NAME=VALUE</c>), as typed on the command line; each goes
    /// to every template that declares the parameter (the Function App's and the playbooks' <c>FunctionAppName</c>, …).
    /// </summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
