using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SentinelAiPack.TestSupport.Http;

namespace SentinelAiPack.TestSupport.Arm;

/// <summary>
/// ARM resource-group deployments, api-version 2025-04-01: PUT answers 201 (200 when the name exists) with
/// provisioningState Accepted and an <c>Azure-AsyncOperation</c> URL that reports Running for
/// <see cref="PollsBeforeCompletion"/> polls, then Succeeded (or Failed when <see cref="FailWhen"/> says so).
/// <c>/validate</c> answers 200 or 400 InvalidTemplateDeployment; <c>/whatIf</c> answers 202 + Location and, after
/// polling, the predicted changes. Only PUT records a deployment: validate and what-if change nothing. A succeeded
/// deployment's GET carries the outputs its template declares in the documented shape,
/// <c>properties.outputs.NAME = {type, value}</c>, valued from <see cref="OutputValues"/>.
/// </summary>
public sealed partial class FakeArmDeployments : IFakeAzureApi
{
    /// <summary>The api-version this fake serves.</summary>
    public const string ApiVersion = "2025-04-01";

    private readonly object _gate = new();
    private readonly Dictionary<string, DeploymentState> _deployments = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string DeploymentKey, int PollsLeft)> _operations = [];
    private readonly Dictionary<string, (JsonObject Result, int PollsLeft)> _whatIfs = [];
    private readonly List<RecordedDeployment> _history = [];

    /// <inheritdoc />
    public string ExpectedAudience => ArmContract.Audience;

    /// <summary>Polls answered Running before a deployment or what-if completes.</summary>
    public int PollsBeforeCompletion { get; set; } = 2;

    /// <summary>Retry-After (seconds) sent with async answers.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Returns an error (code, message) to make a deployment end Failed; null lets it succeed.</summary>
    public Func<JsonObject, (string Code, string Message)?> FailWhen { get; set; } = _ => null;

    /// <summary>Validation rule; the default requires <c>$schema</c> and a <c>resources</c> array.</summary>
    public Func<JsonObject, (string Code, string Message)?> Validator { get; set; } = DefaultValidator;

    /// <summary>
    /// What ARM evaluates the outputs templates declare to, by output name (the fake evaluates no expression): a declared
    /// output listed here gets this value, one not listed gets its declared value when that is a literal and is left out
    /// when it is an expression.
    /// </summary>
    public Dictionary<string, JsonNode> OutputValues { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Deployments accepted by PUT, in order.</summary>
    public IReadOnlyList<RecordedDeployment> Deployments
    {
        get
        {
            lock (_gate)
            {
                return _history.ToList();
            }
        }
    }

    /// <inheritdoc />
    public bool Matches(FakeRequest request) => DeploymentPath().IsMatch(request.Path) || OperationResultPath().IsMatch(request.Path);

    /// <inheritdoc />
    public FakeResponse WrongAudience(string? audience) => ArmContract.WrongAudience(audience);

    /// <inheritdoc />
    public Task<FakeResponse> HandleAsync(FakeRequest request) => ArmContract.Serve(request, ApiVersion, _gate, Handle);

    private FakeResponse Handle(FakeRequest request)
    {
        var result = OperationResultPath().Match(request.Path);
        if (result.Success)
        {
            return WhatIfResult(result.Groups["id"].Value);
        }

        var match = DeploymentPath().Match(request.Path);
        var subscription = match.Groups["sub"].Value;
        var group = match.Groups["rg"].Value;
        var name = match.Groups["name"].Value;
        var key = $"{subscription}/{group}/{name}";
        var action = match.Groups["action"].Value;
        return (request.Method, action.ToLowerInvariant()) switch
        {
            ("PUT", "") => Put(request, subscription, group, name, key),
            ("GET", "") => Get(key),
            ("POST", "/validate") => Validate(request, subscription, group, name),
            ("POST", "/whatif") => WhatIf(request, subscription, group),
            ("GET", _) when action.StartsWith("/operationStatuses/", StringComparison.OrdinalIgnoreCase) => OperationStatus(match.Groups["op"].Value),
            _ => FakeResponse.Error(405, "MethodNotAllowed", $"{request.Method} is not supported here."),
        };
    }

    private FakeResponse Put(FakeRequest request, string subscription, string group, string name, string key)
    {
        if (ReadTemplate(request, out var template, out var parameters, out var mode) is { } invalid)
        {
            return invalid;
        }

        var existed = _deployments.ContainsKey(key);
        var failure = FailWhen(template);
        _deployments[key] = new DeploymentState(subscription, group, name, template, failure);
        _history.Add(new RecordedDeployment(group, name, mode, (JsonObject)template.DeepClone(), (JsonObject)parameters.DeepClone()));
        var operation = Guid.NewGuid().ToString("N");
        _operations[operation] = (key, PollsBeforeCompletion);
        var statusUrl = new Uri(request.BaseUri, $"subscriptions/{subscription}/resourcegroups/{group}/providers/Microsoft.Resources/deployments/{name}/operationStatuses/{operation}?api-version={ApiVersion}");
        return FakeResponse.Json(existed ? 200 : 201, DeploymentBody(_deployments[key], "Accepted"))
            .With("Azure-AsyncOperation", statusUrl.AbsoluteUri)
            .With("Retry-After", RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private FakeResponse OperationStatus(string operation)
    {
        if (!_operations.TryGetValue(operation, out var entry))
        {
            return FakeResponse.Error(404, "OperationNotFound", $"Operation '{operation}' was not found.");
        }

        var state = _deployments[entry.DeploymentKey];
        if (entry.PollsLeft > 0)
        {
            _operations[operation] = (entry.DeploymentKey, entry.PollsLeft - 1);
            state.ProvisioningState = "Running";
            return FakeResponse.Json(200, new JsonObject { ["status"] = "Running" })
                .With("Retry-After", RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        state.ProvisioningState = state.Failure is null ? "Succeeded" : "Failed";
        var status = new JsonObject { ["status"] = state.ProvisioningState };
        if (state.Failure is { } failure)
        {
            status["error"] = new JsonObject { ["code"] = failure.Code, ["message"] = failure.Message };
        }

        return FakeResponse.Json(200, status);
    }

    private FakeResponse Get(string key) => _deployments.TryGetValue(key, out var state)
        ? FakeResponse.Json(200, DeploymentBody(state, state.ProvisioningState))
        : FakeResponse.Error(404, "DeploymentNotFound", $"Deployment '{key}' could not be found.");

    private FakeResponse Validate(FakeRequest request, string subscription, string group, string name)
    {
        if (ReadTemplate(request, out var template, out _, out _) is { } invalid)
        {
            return invalid;
        }

        if (Validator(template) is { } problem)
        {
            return FakeResponse.Error(
                400,
                "InvalidTemplateDeployment",
                $"The template deployment '{name}' is not valid according to the validation procedure.",
                details: new JsonArray(new JsonObject { ["code"] = problem.Code, ["message"] = problem.Message }));
        }

        return FakeResponse.Json(200, new JsonObject
        {
            ["id"] = $"/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.Resources/deployments/{name}",
            ["name"] = name,
            ["properties"] = new JsonObject { ["provisioningState"] = "Succeeded", ["mode"] = "Incremental" },
        });
    }

    private FakeResponse WhatIf(FakeRequest request, string subscription, string group)
    {
        if (ReadTemplate(request, out var template, out _, out _) is { } invalid)
        {
            return invalid;
        }

        var changes = new JsonArray();
        foreach (var resource in (template["resources"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var resourceId = $"/subscriptions/{subscription}/resourceGroups/{group}/providers/{resource["type"]}/{resource["name"]}";
            var before = FindDeployed(group, resourceId, subscription);
            var changeType = before is null ? "Create" : JsonNode.DeepEquals(before, resource) ? "NoChange" : "Modify";
            var change = new JsonObject { ["resourceId"] = resourceId, ["changeType"] = changeType, ["after"] = resource.DeepClone() };
            if (before is not null)
            {
                change["before"] = before.DeepClone();
            }

            changes.Add(change);
        }

        var id = Guid.NewGuid().ToString("N");
        _whatIfs[id] = (new JsonObject { ["status"] = "Succeeded", ["properties"] = new JsonObject { ["changes"] = changes } }, PollsBeforeCompletion);
        return FakeResponse.Empty(202)
            .With("Location", new Uri(request.BaseUri, $"subscriptions/{subscription}/operationResults/{id}?api-version={ApiVersion}").AbsoluteUri)
            .With("Retry-After", RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private FakeResponse WhatIfResult(string id)
    {
        if (!_whatIfs.TryGetValue(id, out var entry))
        {
            return FakeResponse.Error(404, "OperationNotFound", $"Operation '{id}' was not found.");
        }

        if (entry.PollsLeft > 0)
        {
            _whatIfs[id] = (entry.Result, entry.PollsLeft - 1);
            return FakeResponse.Empty(202).With("Retry-After", RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return FakeResponse.Json(200, entry.Result.DeepClone());
    }

    private JsonObject? FindDeployed(string group, string resourceId, string subscription) => _deployments.Values
        .Where(d => d.ResourceGroup.Equals(group, StringComparison.OrdinalIgnoreCase) && d.ProvisioningState == "Succeeded")
        .SelectMany(d => (d.Template["resources"] as JsonArray ?? []).OfType<JsonObject>())
        .LastOrDefault(r => $"/subscriptions/{subscription}/resourceGroups/{group}/providers/{r["type"]}/{r["name"]}".Equals(resourceId, StringComparison.OrdinalIgnoreCase));

    private static FakeResponse? ReadTemplate(FakeRequest request, out JsonObject template, out JsonObject parameters, out string mode)
    {
        template = [];
        parameters = [];
        mode = string.Empty;
        if (request.Json() is not JsonObject body || body["properties"] is not JsonObject properties)
        {
            return FakeResponse.Error(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized: 'properties' is required.");
        }

        if (properties["template"] is not JsonObject t)
        {
            return FakeResponse.Error(400, "InvalidRequestContent", "The request content was invalid: 'properties.template' must be an object.");
        }

        mode = properties["mode"]?.GetValue<string>() ?? string.Empty;
        if (mode is not ("Incremental" or "Complete"))
        {
            return FakeResponse.Error(400, "InvalidDeploymentMode", $"The deployment mode '{mode}' is not valid.");
        }

        template = t;
        parameters = properties["parameters"] as JsonObject ?? [];
        return null;
    }

    private static (string Code, string Message)? DefaultValidator(JsonObject template) =>
        template["$schema"] is null ? ("InvalidTemplate", "Deployment template validation failed: the template has no '$schema'.")
        : template["resources"] is not JsonArray ? ("InvalidTemplate", "Deployment template validation failed: 'resources' must be an array.")
        : null;

    private JsonObject DeploymentBody(DeploymentState state, string provisioningState)
    {
        var properties = new JsonObject
        {
            ["provisioningState"] = provisioningState,
            ["mode"] = "Incremental",
            ["outputs"] = provisioningState == "Succeeded" ? Outputs(state.Template) : new JsonObject(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        };
        if (provisioningState == "Failed" && state.Failure is { } failure)
        {
            properties["error"] = new JsonObject { ["code"] = failure.Code, ["message"] = failure.Message };
        }

        return new JsonObject
        {
            ["id"] = $"/subscriptions/{state.Subscription}/resourceGroups/{state.ResourceGroup}/providers/Microsoft.Resources/deployments/{state.Name}",
            ["name"] = state.Name,
            ["type"] = "Microsoft.Resources/deployments",
            ["properties"] = properties,
        };
    }

    private JsonObject Outputs(JsonObject template)
    {
        var outputs = new JsonObject();
        foreach (var (name, declaration) in template["outputs"] as JsonObject ?? [])
        {
            var declared = declaration?["value"];
            var value = OutputValues.TryGetValue(name, out var configured) ? configured.DeepClone()
                : declared is JsonValue literal && literal.TryGetValue<string>(out var text) && text.StartsWith('[') && !text.StartsWith("[[", StringComparison.Ordinal) ? null
                : declared?.DeepClone();
            if (value is not null)
            {
                // ARM reports the type capitalized (String, Int, Bool, Object, Array, SecureString).
                var type = declaration?["type"]?.GetValue<string>() ?? "string";
                outputs[name] = new JsonObject { ["type"] = char.ToUpperInvariant(type[0]) + type[1..], ["value"] = value };
            }
        }

        return outputs;
    }

    private sealed class DeploymentState(string subscription, string group, string name, JsonObject template, (string Code, string Message)? failure)
    {
        public string Subscription { get; } = subscription;

        public string ResourceGroup { get; } = group;

        public string Name { get; } = name;

        public JsonObject Template { get; } = template;

        public (string Code, string Message)? Failure { get; } = failure;

        public string ProvisioningState { get; set; } = "Accepted";
    }

    [GeneratedRegex(@"^/subscriptions/(?<sub>[^/]+)/resourcegroups/(?<rg>[^/]+)/providers/Microsoft\.Resources/deployments/(?<name>[^/]+)(?<action>/validate|/whatIf|/operationStatuses/(?<op>[^/]+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex DeploymentPath();

    [GeneratedRegex(@"^/subscriptions/(?<sub>[^/]+)/operationResults/(?<id>[^/]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex OperationResultPath();
}

/// <summary>A deployment accepted by the fake: where, its mode, and the template and parameters sent.</summary>
public sealed record RecordedDeployment(string ResourceGroup, string Name, string Mode, JsonObject Template, JsonObject Parameters);
