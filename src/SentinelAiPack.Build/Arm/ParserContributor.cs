using System.Text.Json.Nodes;
using SentinelAiPack.Build.Contributors;
using SentinelAiPack.Build.Json;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Build.Arm;

/// <summary>
/// Parsers as workspace functions: saved searches with <c>functionAlias</c> and <c>functionParameters</c>
/// (<c>name:type=default, …</c>), in dependency order. The Content Hub package installs them directly, because the
/// package's rules call them.
/// </summary>
public sealed class ParserContributor : IArtifactContributor
{
    public IEnumerable<ArtifactContribution> Contribute(PackContent content, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var (order, cycle) = ParserOrder.Sort(content);
        if (cycle.Count > 0)
        {
            var first = order[^cycle.Count];
            diagnostics.Add(BuildCodes.NotConvertible.Create(first.Item.FilePath, new SourceSpan(1, 1),
                $"Parsers call each other in a cycle ({string.Join(", ", cycle)}); they are deployed in name order and may fail on a first deploy."));
        }
        foreach (var item in order)
        {
            var parser = item.Parser!;
            var alias = (parser.FunctionAlias ?? parser.FunctionName)?.Value.Trim();
            if (string.IsNullOrEmpty(alias) || string.IsNullOrWhiteSpace(item.QueryText))
            {
                diagnostics.Add(BuildCodes.NotConvertible.Create(item.Item.FilePath, new SourceSpan(1, 1),
                    $"Parser '{item.DisplayName}' was left out of the build: it needs a function name and a query."));
                continue;
            }
            var name = Guid.TryParse(item.Key, out _) ? item.Key : StableId.Text(StableId.For("parser", alias));
            var properties = new JsonObject
            {
                ["category"] = parser.Category?.Value.Trim() is { Length: > 0 } category && !category.Equals(SavedSearchResource.HuntingCategory, StringComparison.OrdinalIgnoreCase)
                    ? category
                    : SavedSearchResource.ParserCategory,
                ["displayName"] = parser.Title?.Value.Trim() is { Length: > 0 } title ? title : alias,
                ["query"] = item.QueryText,
                ["functionAlias"] = alias,
            };
            if (FunctionParameters(parser) is { Length: > 0 } parameters)
            {
                properties["functionParameters"] = parameters;
            }
            var resource = SavedSearchResource.Create(name, properties);
            yield return new ArtifactContribution
            {
                Key = item.Key,
                DisplayName = alias,
                Step = DeploymentStep.Parsers,
                FileName = $"{ArtifactFile.SafeName(alias)}.json",
                Template = ArmTemplate.Create($"Workspace function (parser) {alias}, version {item.Version}.", [resource]),
                Item = item,
                CreatesFunctions = parser.CallableNames,
                Solution = new SolutionContent("Parser", item.Key, item.Version ?? "1.0.0", "pr", (JsonObject)resource.DeepClone(), SavedSearchResource.IdExpression(name))
                {
                    InstalledResources = [(JsonObject)resource.DeepClone()],
                },
            };
        }
    }

    /// <summary>The parameters in Log Analytics' function signature form: <c>starttime:datetime=datetime(null), users:dynamic=dynamic([])</c>.</summary>
    public static string FunctionParameters(ParserFunction parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        return string.Join(", ", parser.Parameters
            .Where(p => p.Name is not null)
            .Select(p =>
            {
                var type = KustoType.Normalize(p.Type?.Value) ?? p.Type?.Value.Trim() ?? "string";
                var signature = $"{p.Name!.Value.Trim()}:{type}";
                return p.DefaultLiteral is { } value ? $"{signature}={value}" : signature;
            }));
    }
}
