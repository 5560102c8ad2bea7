using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Data;

/// <summary>Tables loaded from a folder of exported logs and what could not be read.</summary>
public sealed record LoadedData(IReadOnlyDictionary<string, Table> Tables, IReadOnlyList<TableSchema> UnknownTables, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Watchlists for <c>_GetWatchlist(alias)</c> from the folder's <c>watchlists/</c> subfolder, by alias.</summary>
    public IReadOnlyDictionary<string, Table> Watchlists { get; init; } = new Dictionary<string, Table>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// A folder of exported logs: one file per table, named after it (<c>AIConversationTurn_CL.jsonl</c>), as a JSON array,
/// JSON Lines or CSV with a header. Column kinds come from the table's schema when the schema set knows the table,
/// else they are inferred. Watchlists live in a <c>watchlists/</c> subfolder, one file per alias. A file that cannot
/// be read is reported (SAP6104) and the others still load.
/// </summary>
public static class DataFolder
{
    public const long MaxFileBytes = 1L << 30;

    public static LoadedData Load(string folder, SchemaSet? schemas, Func<string, string>? displayPath = null)
    {
        displayPath ??= p => p;
        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        var unknown = new List<TableSchema>();
        var diagnostics = new List<Diagnostic>();
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            if (TableReader.FormatOf(path) is not { } format)
            {
                continue;
            }
            var stem = Path.GetFileNameWithoutExtension(path);
            var known = schemas?.FindTable(stem);
            try
            {
                if (new FileInfo(path).Length > MaxFileBytes)
                {
                    throw new InvalidDataException($"larger than {MaxFileBytes >> 30} GB");
                }
                using var reader = new StreamReader(path);
                var table = TableReader.Read(reader, format, known is null ? null : SchemaConversion.ToRowSchema(known));
                var name = known?.Name ?? stem;
                tables[name] = table;
                if (known is null)
                {
                    unknown.Add(new TableSchema(name, table.Schema.Columns.Select(c => new ColumnSchema(c.Name, c.Kind.Name())).ToArray()));
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(EngineCodes.DataFileInvalid.Create(displayPath(path), SourceSpan.Unknown, $"{Path.GetFileName(path)} could not be read as table '{stem}': {e.Message}"));
            }
        }
        var watchlists = new Dictionary<string, Table>(StringComparer.OrdinalIgnoreCase);
        var watchlistFolder = Path.Combine(folder, "watchlists");
        if (Directory.Exists(watchlistFolder))
        {
            foreach (var (alias, table) in Load(watchlistFolder, null, displayPath).Tables)
            {
                watchlists[alias] = table;
            }
        }
        return new LoadedData(tables, unknown, diagnostics) { Watchlists = watchlists };
    }
}
