using System.Text.Json.Nodes;
using SentinelAiPack.Build.Arm;
using SentinelAiPack.Build.Contributors;
using SentinelAiPack.Build.Json;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Workbooks.Generation;
using SentinelAiPack.Workbooks.Loading;
using SentinelAiPack.Workbooks.Queries;

namespace SentinelAiPack.Build.Workbooks;

/// <summary>
/// Workbook specs (<c>*.workbook.yaml</c> in the content folders) through the Workbooks generator: the ARM template
/// (<c>Microsoft.Insights/workbooks</c>, <c>workspace</c> parameter) per workbook, and in the Content Hub package a
/// Workbook content item whose inner workbook is named by a stable GUID of its template id.
/// </summary>
public sealed class WorkbookContributor : IArtifactContributor
{
    public IEnumerable<ArtifactContribution> Contribute(PackContent content, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var catalog = RuleCatalog.FromContent(content.Content);
        var options = LoadOptions.For(content.Settings);
        foreach (var path in WorkbookSpecFiles.Find(content))
        {
            var loaded = WorkbookSpecLoader.Load(path, options);
            if (loaded.Spec is not { } spec || loaded.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                diagnostics.Add(BuildCodes.NotConvertible.Create(path, new SourceSpan(1, 1), "Workbook spec was left out of the build: it has loading errors (run aipack validate)."));
                continue;
            }
            var artifacts = WorkbookArtifacts.Generate(spec, catalog);
            var key = spec.Key.Value;
            var version = spec.Version.Value.Trim();
            yield return new ArtifactContribution
            {
                Key = spec.TemplateId,
                DisplayName = spec.Title.Value,
                Step = DeploymentStep.Workbooks,
                FileName = ArtifactFile.SafeName(key) + ".json",
                Template = (JsonObject)artifacts.ArmTemplate.DeepClone(),
                Solution = new SolutionContent("Workbook", key, version, "wb", PackagedWorkbook(artifacts), $"[resourceId('Microsoft.Insights/workbooks', {ArmTemplate.Quote(WorkbookName(spec.TemplateId))})]"),
            };
        }
    }

    /// <summary>The workbook resource for the package: literal GUID name, the title as display name, the workspace's region.</summary>
    private static JsonObject PackagedWorkbook(WorkbookArtifactSet artifacts)
    {
        var resource = (JsonObject)((JsonArray)artifacts.ArmTemplate["resources"]!).OfType<JsonObject>()
            .Single(r => r["type"]?.GetValue<string>() == "Microsoft.Insights/workbooks").DeepClone();
        resource["name"] = WorkbookName(artifacts.Spec.TemplateId);
        resource["location"] = "[parameters('workspace-location')]";
        resource["properties"]!["displayName"] = ArmLiteral.Escape(artifacts.Spec.Title.Value);
        return resource;
    }

    private static string WorkbookName(string templateId) => StableId.Text(StableId.For("workbook", templateId));
}
