using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SentinelAiPack.Build.Json;

namespace SentinelAiPack.Build.Tests.Support;

/// <summary>Reads ARM templates the way ARM resolves them: which parameters and variables their expressions use.</summary>
internal static partial class TemplateChecks
{
    /// <summary>
    /// Every string value below <paramref name="node"/> that ARM evaluates as an expression in the template's own scope:
    /// a nested deployment with <c>expressionEvaluationOptions.scope: inner</c> has its own parameters, and is left out.
    /// </summary>
    public static IEnumerable<string> Expressions(JsonNode? node) => node switch
    {
        JsonObject obj when InnerScope(obj) is not null => obj.Where(p => p.Key != "template").SelectMany(p => Expressions(p.Value)),
        JsonObject obj => obj.SelectMany(p => Expressions(p.Value)),
        JsonArray array => array.SelectMany(Expressions),
        JsonValue value when value.TryGetValue<string>(out var text) && ArmLiteral.IsExpression(text) => [text],
        _ => [],
    };

    /// <summary>
    /// Every string value below <paramref name="node"/> written <c>[[…]</c>, as the expression it becomes once a deployment
    /// has turned it into <c>[…]</c> (a content template's own expressions, evaluated when the user deploys it).
    /// </summary>
    public static IEnumerable<string> DeferredExpressions(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => DeferredExpressions(p.Value)),
        JsonArray array => array.SelectMany(DeferredExpressions),
        JsonValue value when value.TryGetValue<string>(out var text) && text.StartsWith("[[", StringComparison.Ordinal) && ArmLiteral.IsExpression(ArmLiteral.Unescape(text)) => [ArmLiteral.Unescape(text)],
        _ => [],
    };

    /// <summary>
    /// Parameters and variables used by expressions but not declared by the template, and those of its nested
    /// inner-scope deployments' templates (each resolved against its own declarations).
    /// </summary>
    public static IReadOnlyList<string> UnresolvedReferences(JsonObject template) =>
        [.. Unresolved(template, Expressions(template)), .. InnerTemplates(template).SelectMany(UnresolvedReferences)];

    /// <summary>The templates of nested deployments evaluated in their own (inner) scope.</summary>
    public static IEnumerable<JsonObject> InnerTemplates(JsonNode? node) => node switch
    {
        JsonObject obj when InnerScope(obj) is { } inner => [inner],
        JsonObject obj => obj.SelectMany(p => InnerTemplates(p.Value)),
        JsonArray array => array.SelectMany(InnerTemplates),
        _ => [],
    };

    // The properties of a nested deployment whose template ARM evaluates in its own scope.
    private static JsonObject? InnerScope(JsonObject properties) =>
        properties["expressionEvaluationOptions"]?["scope"] is JsonValue scope && scope.TryGetValue<string>(out var text)
            && text.Equals("inner", StringComparison.OrdinalIgnoreCase) ? properties["template"] as JsonObject : null;

    /// <summary>The same for the <see cref="DeferredExpressions"/> of a content template's inner template.</summary>
    public static IReadOnlyList<string> UnresolvedDeferredReferences(JsonObject template) => Unresolved(template, DeferredExpressions(template));

    private static IReadOnlyList<string> Unresolved(JsonObject template, IEnumerable<string> expressions)
    {
        var parameters = (template["parameters"] as JsonObject)?.Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var variables = (template["variables"] as JsonObject)?.Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var problems = new List<string>();
        foreach (var expression in expressions)
        {
            problems.AddRange(ParameterReference().Matches(expression).Select(m => m.Groups[1].Value).Where(p => !parameters.Contains(p)).Select(p => "parameter " + p));
            problems.AddRange(VariableReference().Matches(expression).Select(m => m.Groups[1].Value).Where(v => !variables.Contains(v)).Select(v => "variable " + v));
        }
        return problems.Distinct().ToList();
    }

    /// <summary>Declared parameters other than <c>workspace</c> that have no default (a deploy passing only workspace would fail).</summary>
    public static IReadOnlyList<string> ParametersWithoutDefault(JsonObject template) =>
        (template["parameters"] as JsonObject ?? [])
            .Where(p => p.Key != "workspace" && (p.Value as JsonObject)?.ContainsKey("defaultValue") != true)
            .Select(p => p.Key)
            .ToList();

    public static IEnumerable<JsonObject> Resources(JsonObject template) => (template["resources"] as JsonArray ?? []).OfType<JsonObject>();

    // Not lambdaVariables('x') and the like: a lambda's own names, not the template's.
    [GeneratedRegex(@"(?<![A-Za-z])parameters\('([^']+)'\)", RegexOptions.IgnoreCase)]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"(?<![A-Za-z])variables\('([^']+)'\)", RegexOptions.IgnoreCase)]
    private static partial Regex VariableReference();
}
