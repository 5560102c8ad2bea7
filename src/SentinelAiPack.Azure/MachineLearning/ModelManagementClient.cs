using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Core;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.Http;

namespace SentinelAiPack.Azure.MachineLearning;

/// <summary>
/// Reads model deployments and registered model versions through ARM (scope <c>https://management.azure.com/.default</c>):
/// <list type="bullet">
/// <item>Azure OpenAI deployments, api-version 2024-10-01 (learn.microsoft.com/rest/api/aiservices/accountmanagement/deployments/list):
/// <c>GET …/Microsoft.CognitiveServices/accounts/{account}/deployments</c> → <c>{value:[{id, name, sku, systemData,
/// properties:{model:{format,name,version}, raiPolicyName, provisioningState}}], nextLink}</c>;</item>
/// <item>Azure ML online endpoints and deployments, api-version 2024-10-01 (learn.microsoft.com/rest/api/azureml/online-endpoints,
/// /online-deployments): <c>GET …/workspaces/{ws}/onlineEndpoints</c> (<c>properties.traffic</c>) and
/// <c>…/onlineEndpoints/{endpoint}/deployments</c> (<c>properties.model</c>, <c>environmentId</c>, <c>properties.properties</c>, <c>tags</c>);</item>
/// <item>Azure ML model versions in a workspace or registry (learn.microsoft.com/rest/api/azureml/model-versions/get,
/// /registry-model-versions/get): <c>GET …/{workspaces|registries}/{name}/models/{model}/versions/{version}</c> →
/// <c>properties:{modelUri, modelType, jobName, stage, properties, tags}</c>.</item>
/// </list>
/// Lists follow <c>nextLink</c>, but only on the management endpoint's host, so a forged link cannot send the token elsewhere.
/// None of these APIs carries an artifact hash of its own: hashes exist only where a pipeline recorded them in
/// <c>properties</c> or <c>tags</c>.
/// </summary>
public sealed partial class ModelManagementClient : IDisposable
{
    /// <summary>api-version of Microsoft.CognitiveServices calls.</summary>
    public const string CognitiveServicesApiVersion = "2024-10-01";

    /// <summary>api-version of Microsoft.MachineLearningServices calls.</summary>
    public const string MachineLearningApiVersion = "2024-10-01";

    private const int MaxPages = 1000;
    private readonly AzureRestTransport _transport;

    /// <summary>Creates a client that asks <paramref name="credential"/> for the management scope.</summary>
    public ModelManagementClient(TokenCredential credential, AzureClientOptions? options = null)
    {
        options ??= new AzureClientOptions();
        _transport = new AzureRestTransport(credential, options.ManagementScope, options);
    }

    /// <summary>Lists the model deployments of an Azure OpenAI account.</summary>
    public async Task<IReadOnlyList<OpenAIDeployment>> ListOpenAIDeploymentsAsync(CognitiveServicesAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var path = $"{Group(account.SubscriptionId, account.ResourceGroup)}/providers/Microsoft.CognitiveServices/accounts/{Name(account.AccountName, nameof(account.AccountName))}/deployments";
        var items = await ListAsync(path, CognitiveServicesApiVersion, "Azure OpenAI list deployments", cancellationToken).ConfigureAwait(false);
        return items.Select(item =>
        {
            var properties = Object(item, "properties");
            var model = Object(properties, "model");
            var sku = Object(item, "sku");
            return new OpenAIDeployment(
                Text(item, "id") ?? string.Empty,
                Text(item, "name") ?? string.Empty,
                Text(model, "format"),
                Text(model, "name"),
                Text(model, "version"),
                Text(properties, "raiPolicyName"),
                Text(sku, "name"),
                sku.ValueKind == JsonValueKind.Object && sku.TryGetProperty("capacity", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var capacity) ? capacity : null,
                Text(properties, "provisioningState"),
                Changes(item));
        }).ToList();
    }

    /// <summary>Lists the online endpoints of an Azure ML workspace.</summary>
    public async Task<IReadOnlyList<OnlineEndpoint>> ListOnlineEndpointsAsync(MachineLearningWorkspace workspace, CancellationToken cancellationToken = default)
    {
        var items = await ListAsync($"{WorkspacePath(workspace)}/onlineEndpoints", MachineLearningApiVersion, "Azure ML list online endpoints", cancellationToken).ConfigureAwait(false);
        return items.Select(item =>
        {
            var traffic = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            if (Object(Object(item, "properties"), "traffic") is { ValueKind: JsonValueKind.Object } split)
            {
                foreach (var entry in split.EnumerateObject())
                {
                    if (entry.Value.ValueKind == JsonValueKind.Number && entry.Value.TryGetInt32(out var percent))
                    {
                        traffic[entry.Name] = percent;
                    }
                }
            }

            return new OnlineEndpoint(Text(item, "id") ?? string.Empty, Text(item, "name") ?? string.Empty, traffic, Changes(item));
        }).ToList();
    }

    /// <summary>Lists the deployments of an online endpoint.</summary>
    public async Task<IReadOnlyList<OnlineDeployment>> ListOnlineDeploymentsAsync(MachineLearningWorkspace workspace, string endpointName, CancellationToken cancellationToken = default)
    {
        var path = $"{WorkspacePath(workspace)}/onlineEndpoints/{Name(endpointName, nameof(endpointName))}/deployments";
        var items = await ListAsync(path, MachineLearningApiVersion, "Azure ML list online deployments", cancellationToken).ConfigureAwait(false);
        return items.Select(item =>
        {
            var properties = Object(item, "properties");
            return new OnlineDeployment(
                Text(item, "id") ?? string.Empty,
                Text(item, "name") ?? string.Empty,
                endpointName,
                Text(properties, "model"),
                Text(properties, "environmentId"),
                Text(properties, "provisioningState"),
                ModelAssetValues.Strings(properties, "properties"),
                ModelAssetValues.Strings(item, "tags"),
                Changes(item));
        }).ToList();
    }

    /// <summary>
    /// Reads a registered model version; null when it does not exist (404). A registry given only by name
    /// (<c>azureml://registries/…</c>) must be resolved to its subscription and resource group first
    /// (<see cref="ModelAssetReference.Registry"/>).
    /// </summary>
    public async Task<ModelVersion?> GetModelVersionAsync(ModelAssetReference reference, CancellationToken cancellationToken = default)
    {
        const string operation = "Azure ML get model version";
        ArgumentNullException.ThrowIfNull(reference);
        string parent;
        if (reference.Registry is { } registry)
        {
            parent = $"{Group(registry.SubscriptionId, registry.ResourceGroup)}/providers/Microsoft.MachineLearningServices/registries/{Name(registry.RegistryName, nameof(registry.RegistryName))}";
        }
        else if (reference.Workspace is { } workspace)
        {
            parent = WorkspacePath(workspace);
        }
        else
        {
            throw new ArgumentException($"Registry '{reference.RegistryName}' is known only by name; give its subscription and resource group.", nameof(reference));
        }

        var path = $"{parent}/models/{Asset(reference.Name, "model name")}/versions/{Asset(reference.Version, "model version")}";
        var response = await _transport.SendAsync(HttpMethod.Get, Uri(path, MachineLearningApiVersion), null, operation, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccess)
        {
            throw _transport.Failure(response, operation);
        }

        using var document = AzureRestTransport.ParseJson(response, operation);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new AzureResponseFormatException(operation, response.StatusCode, "the model version is not a JSON object");
        }

        var properties = Object(root, "properties");
        return new ModelVersion(
            Text(root, "id") ?? string.Empty,
            reference.Name,
            Text(root, "name") ?? reference.Version,
            Text(properties, "modelUri"),
            Text(properties, "modelType"),
            Text(properties, "jobName"),
            Text(properties, "stage"),
            ModelAssetValues.Strings(properties, "properties"),
            ModelAssetValues.Strings(properties, "tags"),
            Changes(root));
    }

    private async Task<List<JsonElement>> ListAsync(string path, string apiVersion, string operation, CancellationToken cancellationToken)
    {
        var items = new List<JsonElement>();
        var next = Uri(path, apiVersion);
        for (var page = 0; next is not null; page++)
        {
            if (page >= MaxPages)
            {
                throw new AzureResponseFormatException(operation, HttpStatusCode.OK, $"more than {MaxPages} pages; the nextLink chain does not end");
            }

            var response = await _transport.SendAsync(HttpMethod.Get, next, null, operation, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                throw _transport.Failure(response, operation);
            }

            using var document = AzureRestTransport.ParseJson(response, operation);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                throw new AzureResponseFormatException(operation, response.StatusCode, "no 'value' array");
            }

            items.AddRange(value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object).Select(v => v.Clone()));
            next = NextLink(root, operation, response.StatusCode);
        }

        return items;
    }

    private Uri? NextLink(JsonElement root, string operation, HttpStatusCode status)
    {
        if (Text(root, "nextLink") is not { Length: > 0 } link)
        {
            return null;
        }

        var management = _transport.Options.ManagementEndpoint;
        if (!System.Uri.TryCreate(link, UriKind.Absolute, out var uri)
            || uri.Scheme != System.Uri.UriSchemeHttps
            || !string.Equals(uri.Authority, management.Authority, StringComparison.OrdinalIgnoreCase))
        {
            throw new AzureResponseFormatException(operation, status, "the nextLink does not point at the management endpoint; not following it");
        }

        return uri;
    }

    private Uri Uri(string path, string apiVersion) =>
        UriPaths.Combine(_transport.Options.ManagementEndpoint, $"{path}?api-version={apiVersion}");

    private static string Group(string subscriptionId, string resourceGroup) =>
        $"subscriptions/{UriPaths.Segment(subscriptionId, nameof(subscriptionId), UriPaths.Guid())}/resourceGroups/{UriPaths.Segment(resourceGroup, nameof(resourceGroup), UriPaths.ResourceGroupName())}";

    private static string WorkspacePath(MachineLearningWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return $"{Group(workspace.SubscriptionId, workspace.ResourceGroup)}/providers/Microsoft.MachineLearningServices/workspaces/{Name(workspace.WorkspaceName, nameof(workspace.WorkspaceName))}";
    }

    private static string Name(string value, string what) => UriPaths.Segment(value, what, UriPaths.ResourceName());

    private static string Asset(string value, string what) => UriPaths.Segment(value, what, AssetName());

    private static ResourceChangeInfo Changes(JsonElement item)
    {
        var data = Object(item, "systemData");
        return data.ValueKind != JsonValueKind.Object
            ? ResourceChangeInfo.None
            : new ResourceChangeInfo(Text(data, "createdBy"), Date(data, "createdAt"), Text(data, "lastModifiedBy"), Date(data, "lastModifiedAt"));
    }

    private static JsonElement Object(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    private static string? Text(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Date(JsonElement node, string name) =>
        Text(node, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    /// <summary>Model names and versions as Azure ML documents them: letters, digits, '-', '_', '.', at most 255.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$")]
    private static partial Regex AssetName();

    /// <inheritdoc />
    public void Dispose() => _transport.Dispose();
}
