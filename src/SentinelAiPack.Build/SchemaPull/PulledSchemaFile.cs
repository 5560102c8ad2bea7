using System.Text.Json.Nodes;
using SentinelAiPack.Azure.Schema;
using SentinelAiPack.Build.Json;
using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Build.SchemaPull;

/// <summary>
/// A workspace table schema in the Azure-Sentinel KQL-validation format (<c>{"Name", "Properties": [{"Name", "Type"}]}</c>,
/// types spelled String, DateTime, Int, Long, Real, Boolean, Dynamic, Guid, TimeSpan, Decimal), the format of
/// <c>detections/schemas</c>, columns in the workspace's order.
/// </summary>
public static class PulledSchemaFile
{
    public static ArtifactFile Create(TableSchemaResult table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var properties = new JsonArray([.. table.Columns.Select(c => (JsonNode)new JsonObject
        {
            ["Name"] = c.Name,
            ["Type"] = SentinelTypeName(c.Type),
        })]);
        return ArtifactFile.Json(ArtifactFile.SafeName(table.TableName) + ".json", new JsonObject { ["Name"] = table.TableName, ["Properties"] = properties });
    }

    public static string SentinelTypeName(string kqlType) => KustoType.Normalize(kqlType) switch
    {
        "string" => "String",
        "datetime" => "DateTime",
        "int" => "Int",
        "long" => "Long",
        "real" => "Real",
        "bool" => "Boolean",
        "dynamic" => "Dynamic",
        "guid" => "Guid",
        "timespan" => "TimeSpan",
        "decimal" => "Decimal",
        _ => kqlType,
    };
}
