using System.Text.Json;

namespace SentinelAiPack.Validation.Templates.Data;

/// <summary>Reads the JSON data files embedded next to the rules.</summary>
internal static class EmbeddedData
{
    public static JsonDocument Open(string fileName)
    {
        var name = $"SentinelAiPack.Validation.Templates.Data.{fileName}";
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded data '{name}' is missing from the assembly (build problem).");
        return JsonDocument.Parse(stream);
    }
}
