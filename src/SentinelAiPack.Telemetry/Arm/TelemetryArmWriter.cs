using SentinelAiPack.Content.Json;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Telemetry.Schemas;

namespace SentinelAiPack.Telemetry.Arm;

/// <summary>Writes the deployable ARM template of the custom tables (see <see cref="CustomTableTemplate"/>).</summary>
public static class TelemetryArmWriter
{
    public const string FileName = "custom-tables.json";

    /// <summary>Writes the template for the pack's own custom tables into <paramref name="outDir"/>; returns the file written.</summary>
    public static string Write(string outDir) => Write(PackSchemas.Tables, outDir);

    /// <summary>Writes the template for the custom tables among <paramref name="tables"/>; returns the file written.</summary>
    public static string Write(IEnumerable<TableSchema> tables, string outDir)
    {
        var text = CanonicalJson.Serialize(CustomTableTemplate.Build(tables));
        Directory.CreateDirectory(outDir);
        var path = Path.Combine(outDir, FileName);
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }
}
