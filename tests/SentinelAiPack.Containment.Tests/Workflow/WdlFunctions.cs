using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentinelAiPack.Containment.Tests.Workflow;

/// <summary>
/// The WDL functions the containment playbooks call, with the documented semantics (Azure Logic Apps "Reference guide
/// to workflow expression functions"): <c>startsWith</c>, <c>endsWith</c>, <c>indexOf</c> and <c>lastIndexOf</c> ignore case,
/// <c>contains</c> and <c>replace</c> do not; <c>substring</c> out of range is an error. A function the playbooks do
/// not use is an error here, so a template change that needs one fails its test instead of passing untried.
/// </summary>
public static class WdlFunctions
{
    public static JsonNode? Invoke(string name, IReadOnlyList<JsonNode?> a, IWdlScope scope) => name switch
    {
        "triggerBody" => scope.TriggerBody?.DeepClone(),
        "body" => Outputs(scope, a)?["body"]?.DeepClone(),
        "outputs" => Outputs(scope, a)?.DeepClone(),
        "actions" => scope.Action(WdlValues.Text(Arg(a, 0, name))).AsActionsObject(),
        "item" => scope.Item?.DeepClone(),
        "items" => scope.LoopItem(WdlValues.Text(Arg(a, 0, name)))?.DeepClone(),
        "variables" => scope.Variable(WdlValues.Text(Arg(a, 0, name)))?.DeepClone(),
        "parameters" => scope.Parameter(WdlValues.Text(Arg(a, 0, name)))?.DeepClone(),
        "listCallbackUrl" => JsonValue.Create("https://prod-00.westeurope.logic.azure.com/workflows/run/callback"),
        "utcNow" => JsonValue.Create(a.Count == 0
            ? scope.Now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture)
            : scope.Now.UtcDateTime.ToString(WdlValues.Text(a[0]), CultureInfo.InvariantCulture)),
        "equals" => Bool(WdlValues.Same(Arg(a, 0, name), Arg(a, 1, name))),
        "and" => Bool(a.All(WdlValues.Bool)),
        "or" => Bool(a.Any(WdlValues.Bool)),
        "not" => Bool(!WdlValues.Bool(Arg(a, 0, name))),
        "greater" => Bool(Compare(Arg(a, 0, name), Arg(a, 1, name)) > 0),
        "empty" => Bool(WdlValues.IsEmpty(Arg(a, 0, name))),
        "contains" => Bool(Contains(Arg(a, 0, name), Arg(a, 1, name))),
        "startsWith" => Bool(WdlValues.Text(Arg(a, 0, name)).StartsWith(WdlValues.Text(Arg(a, 1, name)), StringComparison.OrdinalIgnoreCase)),
        "endsWith" => Bool(WdlValues.Text(Arg(a, 0, name)).EndsWith(WdlValues.Text(Arg(a, 1, name)), StringComparison.OrdinalIgnoreCase)),
        "skip" => new JsonArray([.. (Arg(a, 0, name) as JsonArray ?? throw new WdlException("skip() needs an array.")).Skip((int)WdlValues.Number(Arg(a, 1, name))).Select(v => v?.DeepClone())]),
        "indexOf" => Int(WdlValues.Text(Arg(a, 0, name)).IndexOf(WdlValues.Text(Arg(a, 1, name)), StringComparison.OrdinalIgnoreCase)),
        "lastIndexOf" => Int(WdlValues.Text(Arg(a, 0, name)).LastIndexOf(WdlValues.Text(Arg(a, 1, name)), StringComparison.OrdinalIgnoreCase)),
        "toLower" => JsonValue.Create(WdlValues.Text(Arg(a, 0, name)).ToLowerInvariant()),
        "string" => JsonValue.Create(WdlValues.Interpolated(Arg(a, 0, name))),
        "concat" => JsonValue.Create(string.Concat(a.Select(WdlValues.Interpolated))),
        "encodeUriComponent" => JsonValue.Create(Uri.EscapeDataString(WdlValues.Interpolated(Arg(a, 0, name)))),
        "replace" => JsonValue.Create(WdlValues.Text(Arg(a, 0, name)).Replace(WdlValues.Text(Arg(a, 1, name)), WdlValues.Text(Arg(a, 2, name)), StringComparison.Ordinal)),
        "split" => new JsonArray([.. WdlValues.Text(Arg(a, 0, name)).Split(WdlValues.Text(Arg(a, 1, name))).Select(p => (JsonNode)JsonValue.Create(p))]),
        "substring" => Substring(a),
        "first" => Ends(Arg(a, 0, name), first: true),
        "last" => Ends(Arg(a, 0, name), first: false),
        "length" => Arg(a, 0, name) switch
        {
            JsonArray array => Int(array.Count),
            var v => Int(WdlValues.Text(v).Length),
        },
        "add" => WdlValues.Number(WdlValues.Number(Arg(a, 0, name)) + WdlValues.Number(Arg(a, 1, name))),
        "coalesce" => a.FirstOrDefault(v => v is not null)?.DeepClone(),
        "createArray" => new JsonArray([.. a.Select(v => v?.DeepClone())]),
        "join" => JsonValue.Create(string.Join(WdlValues.Text(Arg(a, 1, name)), (Arg(a, 0, name) as JsonArray ?? throw new WdlException("join needs an array.")).Select(WdlValues.Interpolated))),
        "json" => Json(WdlValues.Text(Arg(a, 0, name))),
        "setProperty" => SetProperty(Arg(a, 0, name), WdlValues.Text(Arg(a, 1, name)), Arg(a, 2, name)),
        _ => throw new WdlException($"The runner does not implement the function '{name}'."),
    };

    private static JsonObject? Outputs(IWdlScope scope, IReadOnlyList<JsonNode?> a) => scope.Action(WdlValues.Text(Arg(a, 0, "body/outputs"))).Outputs;

    private static JsonNode? Arg(IReadOnlyList<JsonNode?> a, int index, string function) =>
        index < a.Count ? a[index] : throw new WdlException($"{function}() needs at least {index + 1} arguments.");

    private static JsonNode Bool(bool value) => JsonValue.Create(value);

    private static JsonNode Int(int value) => JsonValue.Create((long)value);

    private static int Compare(JsonNode? x, JsonNode? y) => WdlValues.IsNumber(x) && WdlValues.IsNumber(y)
        ? WdlValues.Number(x).CompareTo(WdlValues.Number(y))
        : string.CompareOrdinal(WdlValues.Text(x), WdlValues.Text(y));

    private static bool Contains(JsonNode? collection, JsonNode? value) => collection switch
    {
        null => throw new WdlException("contains() of null."),
        JsonArray array => array.Any(v => WdlValues.Same(v, value)),
        JsonObject obj => obj.ContainsKey(WdlValues.Text(value)),
        _ => WdlValues.Text(collection).Contains(WdlValues.Text(value), StringComparison.Ordinal),
    };

    private static JsonNode? Ends(JsonNode? collection, bool first) => collection switch
    {
        JsonArray array => array.Count == 0 ? null : (first ? array[0] : array[^1])?.DeepClone(),
        null => throw new WdlException("first()/last() of null."),
        _ => WdlValues.Text(collection) is { Length: > 0 } s ? JsonValue.Create((first ? s[0] : s[^1]).ToString()) : JsonValue.Create(string.Empty),
    };

    private static JsonNode Substring(IReadOnlyList<JsonNode?> a)
    {
        var text = WdlValues.Text(Arg(a, 0, "substring"));
        var start = (int)WdlValues.Number(Arg(a, 1, "substring"));
        var length = a.Count > 2 ? (int)WdlValues.Number(a[2]) : text.Length - start;
        if (start < 0 || length < 0 || start + length > text.Length)
        {
            throw new WdlException($"substring: start {start} and length {length} are outside a string of {text.Length}.");
        }
        return JsonValue.Create(text.Substring(start, length));
    }

    private static JsonNode? Json(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new WdlException($"json(): {ex.Message}");
        }
    }

    private static JsonObject SetProperty(JsonNode? target, string property, JsonNode? value)
    {
        var copy = target as JsonObject is { } obj ? (JsonObject)obj.DeepClone() : throw new WdlException("setProperty() needs an object.");
        copy[property] = value?.DeepClone();
        return copy;
    }
}
