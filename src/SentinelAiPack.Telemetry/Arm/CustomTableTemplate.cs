using System.Text.Json.Nodes;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Telemetry.Schemas;

namespace SentinelAiPack.Telemetry.Arm;

/// <summary>
/// Builds the ARM template that prepares a workspace for the custom tables: one
/// <c>Microsoft.OperationalInsights/workspaces/tables</c> per table, one data collection endpoint, and one data
/// collection rule per table whose stream <c>Custom-&lt;Table&gt;</c> has the table's columns and flows unchanged
/// (<c>transformKql: source</c>) into it. Deploy it to the workspace's resource group before the rules.
/// </summary>
public static class CustomTableTemplate
{
    public const string TableType = "Microsoft.OperationalInsights/workspaces/tables";
    public const string TableApiVersion = "2022-10-01";
    public const string EndpointType = "Microsoft.Insights/dataCollectionEndpoints";
    public const string RuleType = "Microsoft.Insights/dataCollectionRules";
    public const string InsightsApiVersion = "2022-06-01";
    public const string DestinationName = "workspace";

    public static string StreamName(string table) => "Custom-" + table;

    public static JsonObject Build(IEnumerable<TableSchema> tables)
    {
        var custom = tables.Where(CustomTableColumns.IsCustomTable).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        if (custom.Count == 0)
        {
            throw new ArgumentException("no custom (*_CL) table to deploy", nameof(tables));
        }

        var resources = new JsonArray { Endpoint() };
        var outputs = new JsonObject
        {
            ["logsIngestionEndpoint"] = new JsonObject
            {
                ["type"] = "string",
                ["value"] = IngestionEndpointExpression,
            },
        };
        foreach (var table in custom)
        {
            var columns = CheckedColumns(table);
            resources.Add(Table(table, columns));
            resources.Add(Rule(table, columns));
            outputs[table.Name + "_DcrImmutableId"] = new JsonObject
            {
                ["type"] = "string",
                ["value"] = $"[reference({RuleId(table.Name)}, '{InsightsApiVersion}').immutableId]",
            };
        }

        return new JsonObject
        {
            ["$schema"] = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            ["contentVersion"] = "1.0.0.0",
            ["metadata"] = new JsonObject
            {
                ["description"] = "SentinelAiPack custom AI telemetry tables with their data collection endpoint and rules (Logs Ingestion API).",
            },
            ["parameters"] = Parameters(),
            ["variables"] = new JsonObject
            {
                ["workspaceResourceId"] = "[resourceId('Microsoft.OperationalInsights/workspaces', parameters('workspaceName'))]",
            },
            ["resources"] = resources,
            ["outputs"] = outputs,
        };
    }

    /// <summary>ARM expression of the data collection endpoint's logs ingestion URL.</summary>
    public static string IngestionEndpointExpression => $"[reference({EndpointId}, '{InsightsApiVersion}').logsIngestion.endpoint]";

    /// <summary>ARM expression of the resource id of <paramref name="table"/>'s data collection rule.</summary>
    public static string RuleResourceIdExpression(string table) => $"[{RuleId(table)}]";

    private static string EndpointId => $"resourceId('{EndpointType}', parameters('dataCollectionEndpointName'))";

    private static string RuleId(string table) => $"resourceId('{RuleType}', concat(parameters('dataCollectionRulePrefix'), '{table}'))";

    private static JsonObject Parameters() => new()
    {
        ["workspaceName"] = Parameter("string", null, "Name of the Log Analytics workspace of Microsoft Sentinel."),
        ["location"] = Parameter("string", "[resourceGroup().location]", "Region of the data collection endpoint and rules (the workspace's region)."),
        ["dataCollectionEndpointName"] = Parameter("string", "dce-aipack", "Name of the data collection endpoint the application posts to."),
        ["dataCollectionRulePrefix"] = Parameter("string", "dcr-aipack-", "Prefix of the data collection rule names; the table name follows."),
        ["retentionInDays"] = Parameter("int", -1, "Interactive retention of the tables in days; -1 keeps the workspace default."),
        ["totalRetentionInDays"] = Parameter("int", -1, "Total retention of the tables in days; -1 keeps the workspace default."),
    };

    private static JsonObject Parameter(string type, JsonNode? defaultValue, string description)
    {
        var parameter = new JsonObject { ["type"] = type, ["metadata"] = new JsonObject { ["description"] = description } };
        if (defaultValue is not null)
        {
            parameter["defaultValue"] = defaultValue;
        }

        return parameter;
    }

    private static JsonObject Endpoint() => new()
    {
        ["type"] = EndpointType,
        ["apiVersion"] = InsightsApiVersion,
        ["name"] = "[parameters('dataCollectionEndpointName')]",
        ["location"] = "[parameters('location')]",
        ["properties"] = new JsonObject
        {
            ["description"] = "Logs Ingestion API endpoint for SentinelAiPack custom tables.",
            ["networkAcls"] = new JsonObject { ["publicNetworkAccess"] = "Enabled" },
        },
    };

    private static JsonObject Table(TableSchema table, IReadOnlyList<ColumnSchema> columns)
    {
        var columnArray = new JsonArray();
        foreach (var column in columns)
        {
            var definition = new JsonObject { ["name"] = column.Name, ["type"] = ArmColumnTypes.ForTable(column.Type) };
            if (!string.IsNullOrEmpty(column.Description))
            {
                definition["description"] = column.Description;
            }

            columnArray.Add(definition);
        }

        var schema = new JsonObject { ["name"] = table.Name, ["columns"] = columnArray };
        if (!string.IsNullOrEmpty(table.Description))
        {
            schema["description"] = table.Description;
        }

        return new JsonObject
        {
            ["type"] = TableType,
            ["apiVersion"] = TableApiVersion,
            ["name"] = $"[concat(parameters('workspaceName'), '/{table.Name}')]",
            ["properties"] = new JsonObject
            {
                ["plan"] = "Analytics",
                ["retentionInDays"] = "[parameters('retentionInDays')]",
                ["totalRetentionInDays"] = "[parameters('totalRetentionInDays')]",
                ["schema"] = schema,
            },
        };
    }

    private static JsonObject Rule(TableSchema table, IReadOnlyList<ColumnSchema> columns)
    {
        var stream = StreamName(table.Name);
        var streamColumns = new JsonArray();
        foreach (var column in columns)
        {
            streamColumns.Add(new JsonObject { ["name"] = column.Name, ["type"] = ArmColumnTypes.ForStream(column.Type) });
        }

        return new JsonObject
        {
            ["type"] = RuleType,
            ["apiVersion"] = InsightsApiVersion,
            ["name"] = $"[concat(parameters('dataCollectionRulePrefix'), '{table.Name}')]",
            ["location"] = "[parameters('location')]",
            ["dependsOn"] = new JsonArray
            {
                $"[{EndpointId}]",
                $"[resourceId('{TableType}', parameters('workspaceName'), '{table.Name}')]",
            },
            ["properties"] = new JsonObject
            {
                ["description"] = $"Ingests {table.Name} through the Logs Ingestion API.",
                ["dataCollectionEndpointId"] = $"[{EndpointId}]",
                ["streamDeclarations"] = new JsonObject { [stream] = new JsonObject { ["columns"] = streamColumns } },
                ["destinations"] = new JsonObject
                {
                    ["logAnalytics"] = new JsonArray
                    {
                        new JsonObject { ["name"] = DestinationName, ["workspaceResourceId"] = "[variables('workspaceResourceId')]" },
                    },
                },
                ["dataFlows"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["streams"] = new JsonArray { stream },
                        ["destinations"] = new JsonArray { DestinationName },
                        ["transformKql"] = "source",
                        ["outputStream"] = stream,
                    },
                },
            },
        };
    }

    private static IReadOnlyList<ColumnSchema> CheckedColumns(TableSchema table)
    {
        var where = table.SourcePath ?? table.Name;
        var columns = CustomTableColumns.Sent(table);
        if (!columns.Any(c => c.Name == "TimeGenerated" && c.Type == "datetime"))
        {
            throw new CustomTableException(where, $"custom table '{table.Name}' needs a TimeGenerated column of type datetime");
        }

        foreach (var column in columns)
        {
            if (!ArmColumnTypes.IsSupported(column.Type))
            {
                throw new CustomTableException(where, $"column '{column.Name}' of custom table '{table.Name}' has type '{column.Type}', which custom tables cannot store");
            }

            if (column.Name.StartsWith('_') || column.Name.Any(ch => !(char.IsAsciiLetterOrDigit(ch) || ch == '_')))
            {
                throw new CustomTableException(where, $"column '{column.Name}' of custom table '{table.Name}' is not a valid custom column name (letters, digits and '_', not starting with '_')");
            }
        }

        return columns;
    }
}
