using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SentinelAiPack.Build.Json;

namespace SentinelAiPack.Build.Tests.Support;

/// <summary>Reads ARM templates the way ARM resolves them: which parameters and variables their expressions use.</summary>
internal static partial class TemplateChecks
{
    /// <summary>Every string value below <paramref name="node"/> that ARM evaluates as an expression.</summary>
    public static IEnumerable<string> Expressions(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Expressions(p.Value)),
        JsonArray array => array.SelectMany(Expressions),
        JsonValue value when value.TryGetValue<string>(out var text) && ArmLiteral.IsExpression(text) => [text],
        _ => [],
    };

    /// <summary>Parameters and variables used by expressions but not declared by the template.</summary>
    public static IReadOnlyList<string> UnresolvedReferences(JsonObject template)
    {
        var parameters = (template["parameters"] as JsonObject)?.Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var variables = (template["variables"] as JsonObject)?.Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var problems = new List<string>();
        foreach (var expression in Expressions(template))
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

    [GeneratedRegex(@"parameters\('([^']+)'\)", RegexOptions.IgnoreCase)]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"variables\('([^']+)'\)", RegexOptions.IgnoreCase)]
    private static partial Regex VariableReference();
}
