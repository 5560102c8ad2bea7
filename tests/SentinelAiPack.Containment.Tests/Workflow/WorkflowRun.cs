using System.Text.Json.Nodes;

namespace SentinelAiPack.Containment.Tests.Workflow;

/// <summary>A comment the workflow added to the incident through the Microsoft Sentinel connector.</summary>
public sealed record IncidentComment(string IncidentArmId, string Message);

/// <summary>An HTTP action as the workflow addressed it (before the runner sent it to the loopback server).</summary>
public sealed record HttpCall(string Method, Uri Uri, string? Audience, JsonNode? Body, JsonObject? Headers);

/// <summary>Everything a run did: action statuses, variables, calls, comments and approval e-mails.</summary>
public sealed class WorkflowRun(JsonObject triggerBody, IReadOnlyDictionary<string, JsonNode?> parameters, DateTimeOffset now)
{
    private readonly Dictionary<(string Path, string Name), ActionResult> _results = [];

    public JsonObject TriggerBody { get; } = triggerBody;

    public IReadOnlyDictionary<string, JsonNode?> Parameters { get; } = parameters;

    public DateTimeOffset Now { get; } = now;

    public string Status { get; internal set; } = "Running";

    public Dictionary<string, JsonNode?> Variables { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<HttpCall> HttpCalls { get; } = [];

    public List<IncidentComment> Comments { get; } = [];

    public List<JsonObject> ApprovalRequests { get; } = [];

    /// <summary>Every result of the named action (one per loop iteration for actions inside a loop).</summary>
    public IReadOnlyList<ActionResult> Results(string name) => [.. _results.Where(r => r.Key.Name == name).Select(r => r.Value)];

    /// <summary>The status of an action that ran once (or the same in every iteration).</summary>
    public string StatusOf(string name) => Results(name).Select(r => r.Status).Distinct().SingleOrDefault() ?? "NotRun";

    internal void Record(Frame frame, ActionResult result) => _results[(frame.Path, result.Name)] = result;

    /// <summary>The named action's result as seen from <paramref name="frame"/>: its own iteration first, then outer scopes.</summary>
    internal ActionResult Result(Frame frame, string name)
    {
        for (var path = frame.Path; ; path = path[..Math.Max(0, path.LastIndexOf('/'))])
        {
            if (_results.TryGetValue((path, name), out var result))
            {
                return result;
            }
            if (path.Length == 0)
            {
                throw new WdlException($"The action '{name}' has not run.");
            }
        }
    }

    internal IWdlScope Scope(Frame frame) => new RunScope(this, frame);

    private sealed class RunScope(WorkflowRun run, Frame frame) : IWdlScope
    {
        public JsonNode? TriggerBody => run.TriggerBody;

        public JsonNode? Item => frame.Item;

        public DateTimeOffset Now => run.Now;

        public ActionResult Action(string name) => run.Result(frame, name);

        public JsonNode? Variable(string name) =>
            run.Variables.TryGetValue(name, out var value) ? value : throw new WdlException($"The variable '{name}' is not initialized.");

        public JsonNode? Parameter(string name) =>
            run.Parameters.TryGetValue(name, out var value) ? value : throw new WdlException($"The workflow has no parameter '{name}'.");

        public JsonNode? LoopItem(string loop) =>
            frame.Loops.LastOrDefault(l => l.Loop == loop) is { Loop: not null } found ? found.Item : throw new WdlException($"items('{loop}') outside that loop.");
    }
}
