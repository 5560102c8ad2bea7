using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SentinelAiPack.Containment.Tests.Workflow;

/// <summary>The approver's answer to the "Send approval email" action: an option, or no answer before the timeout.</summary>
public sealed record ApprovalAnswer(string? SelectedOption, string Approver = "soc.lead@contoso.com")
{
    public static ApprovalAnswer Approve { get; } = new("Approve");

    public static ApprovalAnswer Reject { get; } = new("Reject");

    public static ApprovalAnswer NoAnswer { get; } = new((string?)null);
}

/// <summary>
/// Runs a Logic App workflow definition the way the Logic Apps runtime does for the action types the containment
/// playbooks use: actions start when their <c>runAfter</c> predecessors ended in a listed status (else they are
/// Skipped); a scope (If, For each) fails when an action in it fails (the documented scope rule); HTTP actions with
/// managed-identity authentication get a token for their audience and go to the loopback server (the original host is
/// sent in <see cref="OriginalHostHeader"/>), fail on a non-2xx answer and retry 408/429/5xx four times (without the
/// waits); the Microsoft Sentinel and Office 365 connector actions are answered here: comments are recorded, the approval
/// e-mail gets <see cref="ApprovalAnswer"/>.
/// </summary>
public sealed class WorkflowRunner(HttpClient http, Uri loopback, ApprovalAnswer approval)
{
    /// <summary>Header carrying the host the workflow addressed (the fakes serve every host on one port).</summary>
    public const string OriginalHostHeader = "X-Test-Original-Host";

    private const int DefaultRetries = 4;

    public DateTimeOffset Now { get; init; } = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Runs <paramref name="definition"/> for an incident-trigger body with the workflow parameter values given.</summary>
    public async Task<WorkflowRun> RunAsync(JsonObject definition, JsonObject triggerBody, IReadOnlyDictionary<string, JsonNode?> parameters)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var run = new WorkflowRun(triggerBody, parameters, Now);
        var status = await RunScopeAsync((JsonObject)definition["actions"]!, run, Frame.Root).ConfigureAwait(false);
        run.Status = status;
        return run;
    }

    private async Task<string> RunScopeAsync(JsonObject actions, WorkflowRun run, Frame frame)
    {
        var pending = actions.ToDictionary(a => a.Key, a => (JsonObject)a.Value!);
        var failed = false;
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(a => Predecessors(a.Value).All(p => !pending.ContainsKey(p)));
            if (ready.Key is null)
            {
                throw new InvalidOperationException($"runAfter cycle or unknown predecessor among {string.Join(", ", pending.Keys)}.");
            }
            pending.Remove(ready.Key);
            var result = CanStart(ready.Value, run, frame)
                ? await RunActionAsync(ready.Key, ready.Value, run, frame).ConfigureAwait(false)
                : new ActionResult(ready.Key, ActionResult.Skipped);
            run.Record(frame, result);
            failed |= result.Status is ActionResult.Failed or ActionResult.TimedOut;
        }
        return failed ? ActionResult.Failed : ActionResult.Succeeded;
    }

    private static IEnumerable<string> Predecessors(JsonObject action) => (action["runAfter"] as JsonObject ?? []).Select(p => p.Key);

    private static bool CanStart(JsonObject action, WorkflowRun run, Frame frame) =>
        (action["runAfter"] as JsonObject ?? []).All(p =>
            ((JsonArray)p.Value!).Select(s => s!.GetValue<string>()).Contains(run.Result(frame, p.Key).Status, StringComparer.OrdinalIgnoreCase));

    private async Task<ActionResult> RunActionAsync(string name, JsonObject action, WorkflowRun run, Frame frame)
    {
        var scope = run.Scope(frame);
        try
        {
            switch (action["type"]!.GetValue<string>())
            {
                case "InitializeVariable":
                    foreach (var variable in ((JsonArray)action["inputs"]!["variables"]!).Select(v => (JsonObject)v!))
                    {
                        run.Variables[variable["name"]!.GetValue<string>()] = WdlExpression.EvaluateTree(variable["value"], scope);
                    }
                    return new ActionResult(name, ActionResult.Succeeded);
                case "AppendToArrayVariable":
                    var target = action["inputs"]!["name"]!.GetValue<string>();
                    var array = run.Variables[target] as JsonArray ?? throw new WdlException($"Variable {target} is not an array.");
                    array.Add(WdlExpression.EvaluateTree(action["inputs"]!["value"], scope));
                    return new ActionResult(name, ActionResult.Succeeded);
                case "Query":
                    return Outputs(name, new JsonArray([.. Items(action["inputs"]!["from"], scope)
                        .Where(item => WdlValues.Bool(WdlExpression.EvaluateTree(action["inputs"]!["where"], run.Scope(frame.WithItem(item)))))
                        .Select(item => item?.DeepClone())]));
                case "Select":
                    return Outputs(name, new JsonArray([.. Items(action["inputs"]!["from"], scope)
                        .Select(item => WdlExpression.EvaluateTree(action["inputs"]!["select"], run.Scope(frame.WithItem(item))))]));
                case "If":
                    var branch = Condition((JsonObject)action["expression"]!, scope)
                        ? (JsonObject)action["actions"]!
                        : action["else"]?["actions"] as JsonObject ?? [];
                    return new ActionResult(name, await RunScopeAsync(branch, run, frame).ConfigureAwait(false));
                case "Foreach":
                    var status = ActionResult.Succeeded;
                    foreach (var item in Items(action["foreach"], scope))
                    {
                        if (await RunScopeAsync((JsonObject)action["actions"]!, run, frame.WithLoop(name, item)).ConfigureAwait(false) == ActionResult.Failed)
                        {
                            status = ActionResult.Failed;
                        }
                    }
                    return new ActionResult(name, status);
                case "Http":
                    return await HttpAsync(name, (JsonObject)WdlExpression.EvaluateTree(action["inputs"], scope)!, run).ConfigureAwait(false);
                case "ApiConnection":
                    return Connector(name, (JsonObject)WdlExpression.EvaluateTree(action["inputs"], scope)!, run);
                case "ApiConnectionWebhook":
                    return Approval(name, (JsonObject)WdlExpression.EvaluateTree(action["inputs"], scope)!, run);
                default:
                    throw new WdlException($"The runner does not implement action type {action["type"]}.");
            }
        }
        catch (WdlException ex)
        {
            return new ActionResult(name, ActionResult.Failed, Error: ex.Message);
        }
    }

    private static ActionResult Outputs(string name, JsonNode? body) =>
        new(name, ActionResult.Succeeded, new JsonObject { ["body"] = body });

    private static IEnumerable<JsonNode?> Items(JsonNode? from, IWdlScope scope) =>
        WdlExpression.EvaluateTree(from, scope) as JsonArray ?? throw new WdlException("Expected an array to iterate.");

    /// <summary>An If expression object: and/or of {equals|greater|not: [...]} items.</summary>
    private static bool Condition(JsonObject expression, IWdlScope scope)
    {
        var (op, operands) = expression.Single();
        var items = (JsonArray)operands!;
        return op switch
        {
            "and" => items.All(i => Condition((JsonObject)i!, scope)),
            "or" => items.Any(i => Condition((JsonObject)i!, scope)),
            "not" => !Condition((JsonObject)operands!, scope),
            "equals" => WdlValues.Same(WdlExpression.EvaluateTree(items[0], scope), WdlExpression.EvaluateTree(items[1], scope)),
            _ => throw new WdlException($"The runner does not implement condition '{op}'."),
        };
    }

    private async Task<ActionResult> HttpAsync(string name, JsonObject inputs, WorkflowRun run)
    {
        var method = new HttpMethod(inputs["method"]!.GetValue<string>());
        var uri = new Uri(inputs["uri"]!.GetValue<string>());
        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new WdlException($"The playbook called {uri} without HTTPS.");
        }
        var audience = inputs["authentication"]?["audience"]?.GetValue<string>();
        run.HttpCalls.Add(new HttpCall(method.Method, uri, audience, inputs["body"]?.DeepClone(), inputs["headers"] as JsonObject));
        HttpResponseMessage? response = null;
        for (var attempt = 0; attempt <= DefaultRetries; attempt++)
        {
            using var request = new HttpRequestMessage(method, new Uri(loopback, uri.PathAndQuery));
            request.Headers.TryAddWithoutValidation(OriginalHostHeader, uri.Host);
            if (audience is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestToken.For(audience));
            }
            foreach (var (header, value) in inputs["headers"] as JsonObject ?? [])
            {
                request.Headers.TryAddWithoutValidation(header, WdlValues.Interpolated(value));
            }
            if (inputs["body"] is { } body)
            {
                var text = WdlValues.IsString(body) ? body.GetValue<string>() : body.ToJsonString();
                request.Content = new StringContent(text, Encoding.UTF8, "application/json");
            }
            response?.Dispose();
            response = await http.SendAsync(request).ConfigureAwait(false);
            if ((int)response.StatusCode is not (408 or 429 or >= 500))
            {
                break;
            }
        }
        using var answer = response!;
        var content = await answer.Content.ReadAsStringAsync().ConfigureAwait(false);
        var headers = new JsonObject();
        foreach (var (header, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            headers[header] = string.Join(",", values);
        }
        var outputs = new JsonObject
        {
            ["statusCode"] = (int)answer.StatusCode,
            ["headers"] = headers,
            ["body"] = content.Length == 0 ? null : TryJson(content),
        };
        return new ActionResult(name, answer.IsSuccessStatusCode ? ActionResult.Succeeded : ActionResult.Failed, outputs,
            answer.IsSuccessStatusCode ? null : $"HTTP {(int)answer.StatusCode}");
    }

    private static JsonNode? TryJson(string content)
    {
        try
        {
            return JsonNode.Parse(content);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(content);
        }
    }

    /// <summary>The Microsoft Sentinel connector's incident comment: recorded, answered 200.</summary>
    private static ActionResult Connector(string name, JsonObject inputs, WorkflowRun run)
    {
        var path = inputs["path"]?.GetValue<string>();
        if (path != "/Incidents/Comment" || inputs["method"]?.GetValue<string>() != "post")
        {
            throw new WdlException($"The runner does not implement connector operation {inputs["method"]} {path}.");
        }
        run.Comments.Add(new IncidentComment(inputs["body"]!["incidentArmId"]!.GetValue<string>(), inputs["body"]!["message"]!.GetValue<string>()));
        return new ActionResult(name, ActionResult.Succeeded, new JsonObject { ["statusCode"] = 200, ["body"] = new JsonObject() });
    }

    /// <summary>The Office 365 connector's "Send approval email": the configured answer, or a timeout.</summary>
    private ActionResult Approval(string name, JsonObject inputs, WorkflowRun run)
    {
        if (inputs["path"]?.GetValue<string>() != "/approvalmail/$subscriptions")
        {
            throw new WdlException($"The runner does not implement webhook {inputs["path"]}.");
        }
        var message = (JsonObject)inputs["body"]!["Message"]!;
        run.ApprovalRequests.Add(message);
        if (approval.SelectedOption is null)
        {
            return new ActionResult(name, ActionResult.TimedOut, Error: "The approval was not answered within the action's timeout.");
        }
        var options = message["Options"]!.GetValue<string>().Split(',', StringSplitOptions.TrimEntries);
        if (!options.Contains(approval.SelectedOption, StringComparer.Ordinal))
        {
            throw new WdlException($"The approval offered {message["Options"]}, not {approval.SelectedOption}.");
        }
        return new ActionResult(name, ActionResult.Succeeded, new JsonObject
        {
            ["statusCode"] = 200,
            ["body"] = new JsonObject { ["SelectedOption"] = approval.SelectedOption, ["UserEmailAddress"] = approval.Approver, ["UserTenantId"] = Guid.Empty.ToString() },
        });
    }
}

/// <summary>Where an action runs: the loop items around it and the current Query/Select item.</summary>
public sealed record Frame(IReadOnlyList<(string Loop, JsonNode? Item)> Loops, JsonNode? Item, string Path)
{
    public static Frame Root { get; } = new([], null, string.Empty);

    public Frame WithItem(JsonNode? item) => this with { Item = item };

    public Frame WithLoop(string loop, JsonNode? item) => new([.. Loops, (loop, item)], item, $"{Path}/{loop}[{Guid.NewGuid():N}]");
}
