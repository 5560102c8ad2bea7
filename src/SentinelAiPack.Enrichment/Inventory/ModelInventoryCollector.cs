using System.Globalization;
using System.Text.RegularExpressions;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.Ingestion;
using SentinelAiPack.Azure.MachineLearning;

namespace SentinelAiPack.Enrichment.Inventory;

/// <summary>What one collector run did; problems name the account or deployment and the reason (no secrets).</summary>
public sealed record InventoryRunResult(string RunId, IReadOnlyList<InventoryRow> Rows, int RowsUploaded, IReadOnlyList<string> Problems);

/// <summary>
/// The timer-triggered inventory collector: records each deployment's model name, version and artifact SHA-256 as
/// deployed and as registered into AIModelInventory_CL through the Logs Ingestion API, because no Azure log carries a
/// model hash. Hashes are read where an MLOps pipeline records them (model version and deployment properties/tags);
/// Azure OpenAI models are hosted by Microsoft and have none, so their rows say Unavailable. A failing account or
/// workspace is reported and the others are still collected.
/// </summary>
public sealed partial class ModelInventoryCollector(ModelManagementClient models, LogsIngestionClient ingestion, InventoryCollectorOptions options, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Takes one snapshot and uploads it.</summary>
    public async Task<InventoryRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        var runId = "inv-" + now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var rows = new List<InventoryRow>();
        var problems = new List<string>();
        foreach (var account in options.OpenAIAccounts)
        {
            try
            {
                foreach (var deployment in await models.ListOpenAIDeploymentsAsync(account, cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(OpenAIRow(now, runId, account, deployment));
                }
            }
            catch (AzureClientException ex)
            {
                problems.Add($"Azure OpenAI account {account.AccountName}: {ex.Message}");
            }
        }

        foreach (var workspace in options.MachineLearningWorkspaces)
        {
            await CollectWorkspaceAsync(now, runId, workspace, rows, problems, cancellationToken).ConfigureAwait(false);
        }

        if (rows.Count == 0)
        {
            return new InventoryRunResult(runId, rows, 0, problems);
        }

        var uploaded = await ingestion.UploadAsync(options.DcrImmutableId, options.StreamName, rows, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new InventoryRunResult(runId, rows, uploaded.RowsUploaded, problems);
    }

    private async Task CollectWorkspaceAsync(
        DateTimeOffset now, string runId, MachineLearningWorkspace workspace, List<InventoryRow> rows, List<string> problems, CancellationToken cancellationToken)
    {
        IReadOnlyList<OnlineEndpoint> endpoints;
        try
        {
            endpoints = await models.ListOnlineEndpointsAsync(workspace, cancellationToken).ConfigureAwait(false);
        }
        catch (AzureClientException ex)
        {
            problems.Add($"Azure ML workspace {workspace.WorkspaceName}: {ex.Message}");
            return;
        }

        foreach (var endpoint in endpoints)
        {
            IReadOnlyList<OnlineDeployment> deployments;
            try
            {
                deployments = await models.ListOnlineDeploymentsAsync(workspace, endpoint.Name, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is AzureClientException or ArgumentException)
            {
                problems.Add($"Azure ML endpoint {workspace.WorkspaceName}/{endpoint.Name}: {ex.Message}");
                continue;
            }

            foreach (var deployment in deployments)
            {
                rows.Add(await MachineLearningRowAsync(now, runId, workspace, endpoint, deployment, problems, cancellationToken).ConfigureAwait(false));
            }
        }
    }

    private async Task<InventoryRow> MachineLearningRowAsync(
        DateTimeOffset now, string runId, MachineLearningWorkspace workspace, OnlineEndpoint endpoint, OnlineDeployment deployment,
        List<string> problems, CancellationToken cancellationToken)
    {
        var reference = ModelAssetReference.TryParse(deployment.ModelAssetId, workspace);
        if (reference is { Registry: null, RegistryName: { } registryName })
        {
            var registry = options.Registries.FirstOrDefault(r => r.RegistryName.Equals(registryName, StringComparison.OrdinalIgnoreCase));
            reference = registry is null ? reference : reference with { Registry = registry };
        }

        ModelVersion? version = null;
        if (reference is null)
        {
            problems.Add($"{endpoint.Name}/{deployment.Name}: the model reference is not a known asset id form");
        }
        else if (reference.Registry is null && reference.Workspace is null)
        {
            problems.Add($"{endpoint.Name}/{deployment.Name}: registry '{reference.RegistryName}' is not configured, so its registered hash cannot be read");
        }
        else
        {
            try
            {
                version = await models.GetModelVersionAsync(reference, cancellationToken).ConfigureAwait(false);
                if (version is null)
                {
                    problems.Add($"{endpoint.Name}/{deployment.Name}: model {reference.Name} version {reference.Version} is not registered");
                }
            }
            catch (Exception ex) when (ex is AzureClientException or ArgumentException)
            {
                problems.Add($"{endpoint.Name}/{deployment.Name}: reading model {reference.Name} version {reference.Version} failed: {ex.Message}");
            }
        }

        var deployed = Sha256(ModelAssetValues.Find(deployment.Properties, deployment.Tags, options.HashKeys));
        var registered = Sha256(version?.Find(options.HashKeys));
        var scan = version?.Find(options.ScanKeys) is { } s && (s.Equals("Clean", StringComparison.OrdinalIgnoreCase) || s.Equals("MalwareDetected", StringComparison.OrdinalIgnoreCase))
            ? s
            : "NotScanned";
        return new InventoryRow
        {
            TimeGenerated = now,
            CollectorRunId = runId,
            Platform = "AzureML",
            ResourceId = deployment.Id,
            ServiceName = workspace.WorkspaceName,
            EndpointName = endpoint.Name,
            DeploymentName = deployment.Name,
            ModelName = reference?.Name ?? string.Empty,
            ModelVersion = reference?.Version ?? string.Empty,
            ModelAssetId = reference?.Display ?? deployment.ModelAssetId ?? string.Empty,
            RegistryName = reference?.RegistryName ?? reference?.Workspace?.WorkspaceName ?? string.Empty,
            DeployedSha256 = deployed,
            RegisteredSha256 = registered,
            IntegrityStatus = Status(deployed, registered),
            ScanStatus = scan,
            DeployedBy = deployment.Changes.LastModifiedBy ?? string.Empty,
            DeployedAt = deployment.Changes.LastModifiedAt,
            TrafficPercent = endpoint.Traffic.TryGetValue(deployment.Name, out var percent) ? percent : 0,
        };
    }

    private static InventoryRow OpenAIRow(DateTimeOffset now, string runId, CognitiveServicesAccount account, OpenAIDeployment deployment) => new()
    {
        TimeGenerated = now,
        CollectorRunId = runId,
        Platform = "AzureOpenAI",
        ResourceId = deployment.Id,
        ServiceName = account.AccountName,
        DeploymentName = deployment.Name,
        ModelName = deployment.ModelName ?? string.Empty,
        ModelVersion = deployment.ModelVersion ?? string.Empty,
        ModelAssetId = deployment.ModelName is null ? string.Empty : $"azureopenai://models/{deployment.ModelName}/versions/{deployment.ModelVersion}",
        RegistryName = "azure-openai",

        // Microsoft hosts the weights: no API exposes an artifact hash for these deployments.
        IntegrityStatus = "Unavailable",
        DeployedBy = deployment.Changes.LastModifiedBy ?? string.Empty,
        DeployedAt = deployment.Changes.LastModifiedAt,
        RaiPolicyName = deployment.RaiPolicyName ?? string.Empty,
    };

    /// <summary>Verified when equal, Mismatch when different, NotRegistered without a registered hash, Unavailable without a deployed one.</summary>
    public static string Status(string deployed, string registered) =>
        deployed.Length == 0 ? "Unavailable"
        : registered.Length == 0 ? "NotRegistered"
        : deployed == registered ? "Verified"
        : "Mismatch";

    // Accepts "<hex>" or "sha256:<hex>" (digest form); anything else is not a SHA-256 and is ignored.
    private static string Sha256(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[7..];
        }

        return HexSha256().IsMatch(text) ? text.ToLowerInvariant() : string.Empty;
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex HexSha256();
}
