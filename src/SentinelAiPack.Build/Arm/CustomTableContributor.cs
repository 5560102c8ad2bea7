using System.Text.Json.Nodes;
using SentinelAiPack.Build.Contributors;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Enrichment.Playbooks;
using SentinelAiPack.Telemetry.Arm;

namespace SentinelAiPack.Build.Arm;

/// <summary>
/// The pack's custom tables with their data collection endpoint and rules (Telemetry's
/// <see cref="CustomTableTemplate"/>), given the <c>workspace</c> parameter every template shares. Deployed first:
/// parsers and rules read these tables. Not part of the Content Hub package (ingestion plumbing is per environment).
/// Its outputs carry the names of the enrichment Function App's parameters (the endpoint's ingestion URL, and the
/// inventory table's rule id when the pack has that table), so <c>aipack deploy</c> passes them on (docs/build.md).
/// </summary>
public sealed class CustomTableContributor : IArtifactContributor
{
    public const string Key = "custom-tables";

    public IEnumerable<ArtifactContribution> Contribute(PackContent content, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (content.CustomTables.Count == 0)
        {
            return [];
        }
        JsonObject template;
        try
        {
            template = CustomTableTemplate.Build(content.CustomTables);
        }
        catch (CustomTableException e)
        {
            diagnostics.Add(BuildCodes.NotConvertible.Create(e.SchemaPath, new SourceSpan(1, 1), $"Custom tables were left out of the build: {e.Problem}"));
            return [];
        }
        var parameters = (JsonObject)template["parameters"]!;
        var workspaceName = (JsonObject)parameters["workspaceName"]!;
        workspaceName["defaultValue"] = $"[parameters('{ArmTemplate.WorkspaceParameter}')]";
        parameters[ArmTemplate.WorkspaceParameter] = ArmTemplate.WorkspaceParameterDefinition();
        AddEnrichmentOutputs((JsonObject)template["outputs"]!, content);
        return
        [
            new ArtifactContribution
            {
                Key = Key,
                DisplayName = "Custom tables, data collection endpoint and rules",
                Step = DeploymentStep.Tables,
                FileName = TelemetryArmWriter.FileName,
                Template = template,
                CreatesTables = content.CustomTables,
            },
        ];
    }

    private static void AddEnrichmentOutputs(JsonObject outputs, PackContent content)
    {
        outputs[FunctionAppTemplate.IngestionEndpointParameter] = StringOutput(CustomTableTemplate.IngestionEndpointExpression);
        if (content.CustomTables.Any(t => t.Name.Equals(FunctionAppTemplate.InventoryTable, StringComparison.Ordinal)))
        {
            outputs[FunctionAppTemplate.DcrResourceIdParameter] = StringOutput(CustomTableTemplate.RuleResourceIdExpression(FunctionAppTemplate.InventoryTable));
        }
    }

    private static JsonObject StringOutput(string expression) => new() { ["type"] = "string", ["value"] = expression };
}
