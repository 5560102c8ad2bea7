using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SentinelAiPack.TestSupport.Arm;
using SentinelAiPack.TestSupport.Http;

namespace SentinelAiPack.TestSupport.MachineLearning;

/// <summary>
/// The ARM model-management reads, api-version 2024-10-01: Azure OpenAI account deployments
/// (<c>GET …/Microsoft.CognitiveServices/accounts/{a}/deployments</c>), Azure ML online endpoints and their deployments
/// (<c>GET …/workspaces/{ws}/onlineEndpoints[/{e}/deployments]</c>) and model versions in workspaces and registries
/// (<c>GET …/{workspaces|registries}/{name}/models/{m}/versions/{v}</c>). Lists are paged (<see cref="PageSize"/>) with
/// a <c>nextLink</c> on this server; an unknown model version answers the documented 404 ResourceNotFound.
/// </summary>
public sealed partial class FakeModelManagement : IFakeAzureApi
{
    /// <summary>The api-version this fake serves for both providers.</summary>
    public const string ApiVersion = "2024-10-01";

    private readonly object _gate = new();
    private readonly Dictionary<string, List<JsonObject>> _lists = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonObject> _items = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public string ExpectedAudience => ArmContract.Audience;

    /// <summary>Items per page of a list answer.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>When set, list answers carry this nextLink instead of one on this server (to test that it is refused).</summary>
    public string? ForgedNextLink { get; set; }

    /// <inheritdoc />
    public bool Matches(FakeRequest request) => ListPath().IsMatch(request.Path) || ModelVersionPath().IsMatch(request.Path);

    /// <inheritdoc />
    public FakeResponse WrongAudience(string? audience) => ArmContract.WrongAudience(audience);

    /// <summary>Adds an Azure OpenAI deployment.</summary>
    public void AddOpenAIDeployment(
        string subscription, string group, string account, string name, string modelName, string modelVersion,
        string raiPolicy = "Microsoft.DefaultV2", string? lastModifiedBy = null, DateTimeOffset? lastModifiedAt = null)
    {
        var parent = $"/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.CognitiveServices/accounts/{account}";
        Add(parent + "/deployments", new JsonObject
        {
            ["id"] = $"{parent}/deployments/{name}",
            ["name"] = name,
            ["type"] = "Microsoft.CognitiveServices/accounts/deployments",
            ["sku"] = new JsonObject { ["name"] = "Standard", ["capacity"] = 120 },
            ["systemData"] = SystemData(lastModifiedBy, lastModifiedAt),
            ["properties"] = new JsonObject
            {
                ["model"] = new JsonObject { ["format"] = "OpenAI", ["name"] = modelName, ["version"] = modelVersion },
                ["raiPolicyName"] = raiPolicy,
                ["provisioningState"] = "Succeeded",
            },
        });
    }

    /// <summary>Adds an Azure ML online endpoint with its traffic split.</summary>
    public void AddOnlineEndpoint(string subscription, string group, string workspace, string endpoint, IReadOnlyDictionary<string, int> traffic)
    {
        var parent = WorkspacePath(subscription, group, workspace);
        var split = new JsonObject();
        foreach (var (deployment, percent) in traffic)
        {
            split[deployment] = percent;
        }

        Add(parent + "/onlineEndpoints", new JsonObject
        {
            ["id"] = $"{parent}/onlineEndpoints/{endpoint}",
            ["name"] = endpoint,
            ["properties"] = new JsonObject { ["authMode"] = "Key", ["traffic"] = split, ["provisioningState"] = "Succeeded" },
        });
    }

    /// <summary>Adds an online deployment serving <paramref name="model"/> (any asset id form), with its properties and tags.</summary>
    public void AddOnlineDeployment(
        string subscription, string group, string workspace, string endpoint, string name, string model,
        IReadOnlyDictionary<string, string>? properties = null, IReadOnlyDictionary<string, string>? tags = null,
        string? lastModifiedBy = null, DateTimeOffset? lastModifiedAt = null)
    {
        var parent = $"{WorkspacePath(subscription, group, workspace)}/onlineEndpoints/{endpoint}";
        Add(parent + "/deployments", new JsonObject
        {
            ["id"] = $"{parent}/deployments/{name}",
            ["name"] = name,
            ["kind"] = "Managed",
            ["tags"] = Bag(tags),
            ["systemData"] = SystemData(lastModifiedBy, lastModifiedAt),
            ["properties"] = new JsonObject
            {
                ["endpointComputeType"] = "Managed",
                ["model"] = model,
                ["environmentId"] = "azureml://registries/azureml/environments/sklearn-1.5/versions/3",
                ["properties"] = Bag(properties),
                ["provisioningState"] = "Succeeded",
            },
        });
    }

    /// <summary>Adds a model version under a workspace (<paramref name="kind"/> "workspaces") or registry ("registries").</summary>
    public void AddModelVersion(
        string subscription, string group, string kind, string parentName, string model, string version,
        IReadOnlyDictionary<string, string>? properties = null, IReadOnlyDictionary<string, string>? tags = null)
    {
        var id = $"/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.MachineLearningServices/{kind}/{parentName}/models/{model}/versions/{version}";
        lock (_gate)
        {
            _items[id] = new JsonObject
            {
                ["id"] = id,
                ["name"] = version,
                ["type"] = $"Microsoft.MachineLearningServices/{kind}/models/versions",
                ["properties"] = new JsonObject
                {
                    ["modelUri"] = $"azureml://subscriptions/{subscription}/resourcegroups/{group}/workspaces/{parentName}/datastores/workspaceblobstore/paths/models/{model}/{version}/",
                    ["modelType"] = "custom_model",
                    ["jobName"] = $"train-{model}-{version}",
                    ["stage"] = "Production",
                    ["properties"] = Bag(properties),
                    ["tags"] = Bag(tags),
                    ["provisioningState"] = "Succeeded",
                },
            };
        }
    }

    /// <inheritdoc />
    public Task<FakeResponse> HandleAsync(FakeRequest request) => ArmContract.Serve(request, ApiVersion, _gate, Handle);

    private FakeResponse Handle(FakeRequest request)
    {
        if (request.Method != "GET")
        {
            return FakeResponse.Error(405, "MethodNotAllowed", $"{request.Method} is not supported by this fake.");
        }

        var path = request.Path.TrimEnd('/');
        if (ModelVersionPath().IsMatch(path))
        {
            return _items.TryGetValue(path, out var item)
                ? FakeResponse.Json(200, item.DeepClone())
                : FakeResponse.Error(404, "ResourceNotFound", $"The Resource '{path}' under resource group was not found.");
        }

        var list = _lists.TryGetValue(path, out var found) ? found : [];
        var skip = request.Query.TryGetValue("$skipToken", out var token) && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var page = list.Skip(skip).Take(PageSize).Select(i => (JsonNode)i.DeepClone()).ToArray();
        var body = new JsonObject { ["value"] = new JsonArray(page) };
        if (skip + PageSize < list.Count)
        {
            body["nextLink"] = ForgedNextLink
                ?? new Uri(request.BaseUri, $"{path.TrimStart('/')}?api-version={ApiVersion}&$skipToken={skip + PageSize}").AbsoluteUri;
        }

        return FakeResponse.Json(200, body);
    }

    private void Add(string listPath, JsonObject item)
    {
        lock (_gate)
        {
            if (!_lists.TryGetValue(listPath, out var list))
            {
                _lists[listPath] = list = [];
            }

            list.RemoveAll(i => string.Equals(i["name"]?.GetValue<string>(), item["name"]?.GetValue<string>(), StringComparison.OrdinalIgnoreCase));
            list.Add(item);
        }
    }

    private static string WorkspacePath(string subscription, string group, string workspace) =>
        $"/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.MachineLearningServices/workspaces/{workspace}";

    private static JsonObject Bag(IReadOnlyDictionary<string, string>? values)
    {
        var bag = new JsonObject();
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            bag[key] = value;
        }

        return bag;
    }

    private static JsonObject SystemData(string? lastModifiedBy, DateTimeOffset? lastModifiedAt) => new()
    {
        ["createdBy"] = lastModifiedBy ?? "mlops-pipeline-sp",
        ["createdByType"] = "Application",
        ["createdAt"] = "2025-01-10T08:00:00Z",
        ["lastModifiedBy"] = lastModifiedBy ?? "mlops-pipeline-sp",
        ["lastModifiedByType"] = lastModifiedBy?.Contains('@', StringComparison.Ordinal) == true ? "User" : "Application",
        ["lastModifiedAt"] = (lastModifiedAt ?? new DateTimeOffset(2025, 6, 28, 21, 40, 0, TimeSpan.Zero)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/(?:Microsoft\.CognitiveServices/accounts/[^/]+/deployments|Microsoft\.MachineLearningServices/workspaces/[^/]+/onlineEndpoints(?:/[^/]+/deployments)?)/?$", RegexOptions.IgnoreCase)]
    private static partial Regex ListPath();

    [GeneratedRegex(@"^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.MachineLearningServices/(?:workspaces|registries)/[^/]+/models/[^/]+/versions/[^/]+/?$", RegexOptions.IgnoreCase)]
    private static partial Regex ModelVersionPath();
}
