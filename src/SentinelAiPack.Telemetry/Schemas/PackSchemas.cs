using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Telemetry.Schemas;

/// <summary>The table schemas of the pack (<c>detections/schemas/*.json</c>), embedded in this assembly at build time.</summary>
public static class PackSchemas
{
    private const string Prefix = "schemas/";
    private static readonly Lazy<IReadOnlyList<TableSchema>> All = new(LoadAll);

    /// <summary>Every table the pack reads, ordered by name.</summary>
    public static IReadOnlyList<TableSchema> Tables => All.Value;

    /// <summary>The custom tables (<c>*_CL</c>) the pack defines, ordered by name.</summary>
    public static IReadOnlyList<TableSchema> CustomTables => [.. All.Value.Where(CustomTableColumns.IsCustomTable)];

    public static TableSchema Get(string name) =>
        All.Value.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"the pack has no schema for table '{name}'");

    private static IReadOnlyList<TableSchema> LoadAll()
    {
        var assembly = typeof(PackSchemas).Assembly;
        var tables = new List<TableSchema>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"embedded schema '{resource}' cannot be opened");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var path = "detections/" + resource;
            var diagnostics = new DiagnosticBag(path);
            var file = SchemaLoader.LoadJson(path, buffer.ToArray(), diagnostics);
            if (diagnostics.HasErrors)
            {
                // The embedded files are the pack's own and are tested; an error here is a build defect.
                throw new InvalidOperationException($"{path}: {diagnostics.Items.First(d => d.Severity == DiagnosticSeverity.Error).Message}");
            }

            tables.AddRange(file.Tables);
        }

        return [.. tables.OrderBy(t => t.Name, StringComparer.Ordinal)];
    }
}
