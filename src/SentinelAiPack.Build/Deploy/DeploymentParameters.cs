using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelAiPack.Build.Arm;
using SentinelAiPack.Build.Contributors;

namespace SentinelAiPack.Build.Deploy;

/// <summary>
/// The parameter values a deployment sends: <c>workspace</c>, <c>location</c> (when given) and the
/// <c>--parameter NAME=VALUE</c> values, each only to templates that declare it (ARM rejects a value for a parameter the
/// template does not declare), converted to the declared type. A template with a parameter that has neither a default
/// nor a value cannot deploy (<see cref="Missing"/>); a value of the wrong type or one no template declares is a usage
/// error found before anything is deployed (<see cref="UsageProblems"/>).
/// </summary>
public static class DeploymentParameters
{
    /// <summary>The <c>parameters</c> object of the deployment request for <paramref name="template"/>.</summary>
    public static JsonObject For(JsonObject template, DeployTarget target)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(target);
        var values = new JsonObject();
        foreach (var (name, declaration) in Declared(template))
        {
            if (Value(name, declaration, target, out _) is { } value)
            {
                values[name] = new JsonObject { ["value"] = value };
            }
        }
        return values;
    }

    /// <summary>Declared parameters of <paramref name="template"/> that have no default and no value, in template order.</summary>
    public static IReadOnlyList<string> Missing(JsonObject template, DeployTarget target)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(target);
        return [.. Declared(template)
            .Where(p => !p.Declaration.ContainsKey("defaultValue") && Value(p.Name, p.Declaration, target, out _) is null)
            .Select(p => p.Name)];
    }

    /// <summary>Why a template with <paramref name="missing"/> parameters cannot deploy, and the options that fix it.</summary>
    public static string MissingMessage(IReadOnlyList<string> missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        return $"no value for {string.Join(", ", missing)} ({(missing.Count == 1 ? "a parameter" : "parameters")} without a default); pass "
            + string.Join(" ", missing.Select(m => $"--parameter {m}=…"));
    }

    /// <summary>
    /// <c>--parameter</c> values that are wrong whatever is deployed: not of the type a template of the pack declares for
    /// the parameter, or declared by no template of <paramref name="pack"/> (a typo). Checked against every template, not
    /// only those <c>--only</c> selects, so one set of values serves every run. One line each.
    /// </summary>
    public static IReadOnlyList<string> UsageProblems(IReadOnlyList<ArtifactContribution> pack, DeployTarget target)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(target);
        var problems = new List<string>();
        var declared = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var contribution in pack)
        {
            foreach (var (name, declaration) in Declared(contribution.Template))
            {
                declared.Add(name);
                if (target.Parameters.ContainsKey(name))
                {
                    Value(name, declaration, target, out var typeProblem);
                    if (typeProblem is not null)
                    {
                        problems.Add($"--parameter {name}: {typeProblem}, the type {contribution.RelativePath} declares");
                    }
                }
            }
        }
        foreach (var name in target.Parameters.Keys.Where(n => !declared.Contains(n)).Order(StringComparer.Ordinal))
        {
            problems.Add($"--parameter {name}: no template of the pack declares it");
        }
        return problems.Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<(string Name, JsonObject Declaration)> Declared(JsonObject template) =>
        (template["parameters"] as JsonObject ?? []).Where(p => p.Value is JsonObject).Select(p => (p.Key, (JsonObject)p.Value!));

    private static string Type(JsonObject declaration) =>
        declaration["type"] is JsonValue type && type.TryGetValue<string>(out var text) ? text : "string";

    private static JsonNode? Value(string name, JsonObject declaration, DeployTarget target, out string? problem)
    {
        problem = null;
        if (name.Equals(ArmTemplate.WorkspaceParameter, StringComparison.OrdinalIgnoreCase))
        {
            return JsonValue.Create(target.WorkspaceName);
        }
        if (target.Parameters.TryGetValue(name, out var text))
        {
            return Typed(text, Type(declaration), out problem);
        }
        return name.Equals("location", StringComparison.OrdinalIgnoreCase) && target.Location is { } location ? JsonValue.Create(location) : null;
    }

    // ARM parameter types are case-insensitive; secure types take the same values as their plain ones.
    private static JsonNode? Typed(string text, string type, out string? problem)
    {
        problem = null;
        switch (type.ToLowerInvariant())
        {
            case "bool":
                if (bool.TryParse(text, out var flag))
                {
                    return JsonValue.Create(flag);
                }
                problem = $"'{text}' is not a bool (true or false)";
                return null;
            case "int":
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return JsonValue.Create(number);
                }
                problem = $"'{text}' is not an int";
                return null;
            case "array" or "object" or "secureobject":
                var shape = type.Equals("array", StringComparison.OrdinalIgnoreCase) ? "array" : "object";
                try
                {
                    var node = JsonNode.Parse(text);
                    if (shape == "array" ? node is JsonArray : node is JsonObject)
                    {
                        return node;
                    }
                }
                catch (JsonException)
                {
                    // Reported below with the expected shape.
                }
                problem = $"the value is not a JSON {shape}";
                return null;
            default:
                return JsonValue.Create(text);
        }
    }
}
