using SentinelAiPack.Build.Json;
using System.Text.Json.Nodes;
using SentinelAiPack.Build.Contributors;
using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Build.Arm;

/// <summary>Hunting queries as saved searches in the "Hunting Queries" category, named by the query id.</summary>
public sealed class HuntingQueryContributor : IArtifactContributor
{
    public IEnumerable<ArtifactContribution> Contribute(PackContent content, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var item in content.HuntingQueries.OrderBy(i => i.AlertTypeFolder, StringComparer.Ordinal).ThenBy(i => i.Stem, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(item.QueryText) || !Guid.TryParse(item.Key, out _))
            {
                diagnostics.Add(BuildCodes.NotConvertible.Create(item.Item.FilePath, new SourceSpan(1, 1),
                    $"Hunting query '{item.DisplayName}' was left out of the build: it needs a GUID id and a query."));
                continue;
            }
            var resource = SavedSearchResource.Create(item.Key, Properties(item));
            yield return new ArtifactContribution
            {
                Key = item.Key,
                DisplayName = item.DisplayName,
                Step = DeploymentStep.HuntingQueries,
                FileName = $"{ArtifactFile.SafeName(item.AlertTypeFolder)}/{ArtifactFile.SafeName(item.Stem)}.json",
                Template = ArmTemplate.Create($"Microsoft Sentinel hunting query '{item.DisplayName}', version {item.Version}.", [resource]),
                Item = item,
                Solution = new SolutionContent("HuntingQuery", item.Key, item.Version ?? "1.0.0", "hq",
                    (JsonObject)resource.DeepClone(), SavedSearchResource.IdExpression(item.Key)),
            };
        }
    }

    private static JsonObject Properties(PackItem item)
    {
        var query = item.Template!;
        var tags = new JsonArray
        {
            SavedSearchResource.Tag("description", query.Description?.Value.Trim() ?? string.Empty),
            SavedSearchResource.Tag("tactics", string.Join(",", TemplateValues.Tactics(query))),
            SavedSearchResource.Tag("techniques", string.Join(",", TemplateValues.AllTechniques(query))),
        };
        return new JsonObject
        {
            ["category"] = SavedSearchResource.HuntingCategory,
            ["displayName"] = item.DisplayName,
            ["query"] = item.QueryText,
            ["tags"] = tags,
        };
    }
}
