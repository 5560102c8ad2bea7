using System.Text.Json;

namespace SentinelAiPack.Azure.MachineLearning;

/// <summary>An Azure OpenAI / AI Foundry (Cognitive Services) account.</summary>
public sealed record CognitiveServicesAccount(string SubscriptionId, string ResourceGroup, string AccountName);

/// <summary>An Azure Machine Learning workspace.</summary>
public sealed record MachineLearningWorkspace(string SubscriptionId, string ResourceGroup, string WorkspaceName);

/// <summary>An Azure Machine Learning registry (shared model catalogue).</summary>
public sealed record MachineLearningRegistry(string SubscriptionId, string ResourceGroup, string RegistryName);

/// <summary>ARM <c>systemData</c>: who created and last changed a resource, and when.</summary>
public sealed record ResourceChangeInfo(string? CreatedBy, DateTimeOffset? CreatedAt, string? LastModifiedBy, DateTimeOffset? LastModifiedAt)
{
    /// <summary>No systemData in the answer.</summary>
    public static ResourceChangeInfo None { get; } = new(null, null, null, null);
}

/// <summary>
/// A model deployment of an Azure OpenAI account (<c>Microsoft.CognitiveServices/accounts/deployments</c>): which model
/// name, version and format it serves, its content-filter (RAI) policy and who changed it last. Microsoft hosts the
/// weights, so no artifact hash is obtainable for these deployments.
/// </summary>
public sealed record OpenAIDeployment(
    string Id,
    string Name,
    string? ModelFormat,
    string? ModelName,
    string? ModelVersion,
    string? RaiPolicyName,
    string? SkuName,
    int? Capacity,
    string? ProvisioningState,
    ResourceChangeInfo Changes);

/// <summary>An Azure ML managed or Kubernetes online endpoint and its traffic split (deployment name → percent).</summary>
public sealed record OnlineEndpoint(string Id, string Name, IReadOnlyDictionary<string, int> Traffic, ResourceChangeInfo Changes);

/// <summary>
/// An Azure ML online deployment: the model asset it serves (<c>properties.model</c>), its environment, its free-form
/// <c>properties</c> dictionary and resource <c>tags</c> (where a deployment pipeline can record the SHA-256 of what it
/// deployed), and who changed it last.
/// </summary>
public sealed record OnlineDeployment(
    string Id,
    string Name,
    string EndpointName,
    string? ModelAssetId,
    string? EnvironmentId,
    string? ProvisioningState,
    IReadOnlyDictionary<string, string> Properties,
    IReadOnlyDictionary<string, string> Tags,
    ResourceChangeInfo Changes);

/// <summary>
/// A registered model version (workspace or registry): its storage URI, type, training job, and the free-form
/// <c>properties</c> and <c>tags</c> dictionaries where an MLOps pipeline records the artifact SHA-256 at registration.
/// Azure ML computes no hash itself.
/// </summary>
public sealed record ModelVersion(
    string Id,
    string Name,
    string Version,
    string? ModelUri,
    string? ModelType,
    string? JobName,
    string? Stage,
    IReadOnlyDictionary<string, string> Properties,
    IReadOnlyDictionary<string, string> Tags,
    ResourceChangeInfo Changes)
{
    /// <summary>First non-empty value among <paramref name="keys"/>, looked up in properties then tags (case-insensitive keys).</summary>
    public string? Find(IEnumerable<string> keys) => ModelAssetValues.Find(Properties, Tags, keys);
}

/// <summary>Lookups shared by model versions and deployments.</summary>
public static class ModelAssetValues
{
    /// <summary>First non-empty value among <paramref name="keys"/>, in <paramref name="properties"/> then <paramref name="tags"/>.</summary>
    public static string? Find(IReadOnlyDictionary<string, string> properties, IReadOnlyDictionary<string, string> tags, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            foreach (var bag in new[] { properties, tags })
            {
                foreach (var (name, value) in bag)
                {
                    if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
                    {
                        return value.Trim();
                    }
                }
            }
        }

        return null;
    }

    internal static IReadOnlyDictionary<string, string> Strings(JsonElement node, string name)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var bag) && bag.ValueKind == JsonValueKind.Object)
        {
            foreach (var item in bag.EnumerateObject())
            {
                result[item.Name] = item.Value.ValueKind == JsonValueKind.String ? item.Value.GetString()! : item.Value.GetRawText();
            }
        }

        return result;
    }
}
