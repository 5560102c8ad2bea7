using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Validation.Kql;

namespace SentinelAiPack.Validation.CrossChecks;

/// <summary>
/// Every table a rule or hunting query reads should be covered by a <c>requiredDataConnectors[].dataTypes</c> entry, so
/// the portal shows the data the rule needs. A warning: Sentinel shows the list but does not check it against the query.
/// A workspace function (parser) is covered when its own name is listed or any table it reads is (an ASIM parser
/// unions many sources and works with any one of them). A name that is neither a standard table (catalogue) nor a
/// custom <c>_CL</c> table is a parser's stand-in in a schema folder: what it reads is unknown, so it is not reported.
/// Entries like <c>SecurityAlert (IPC)</c> cover <c>SecurityAlert</c>. Items that declare no connectors (an empty
/// list, as ASIM-based content does) are left to the template rules. Each finding points at the first use in the query.
/// </summary>
public static class ConnectorCoverageCheck
{
    private const string Why = " Sentinel shows requiredDataConnectors in the portal but does not check it against the query.";

    /// <summary>Sentinel data-type names that are not table names, and the table each stands for.</summary>
    private static readonly Dictionary<string, string> DataTypeAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["KeyVaultData"] = "AzureDiagnostics",
        ["SecurityEvents"] = "SecurityEvent",
    };

    /// <summary>Functions that read no workspace data of their own (watchlists).</summary>
    private static readonly HashSet<string> DataFreeFunctions = new(StringComparer.OrdinalIgnoreCase) { "_GetWatchlist", "_ASIM_GetWatchlistRaw" };

    public static IEnumerable<Diagnostic> Check(AnalyzedItem analyzed, SchemaSet schemas)
    {
        ArgumentNullException.ThrowIfNull(analyzed);
        ArgumentNullException.ThrowIfNull(schemas);
        if (analyzed.Item is not DetectionTemplate template || template.RequiredDataConnectors is not { Value.Count: > 0 } connectors)
        {
            yield break;
        }
        var covered = connectors.Value
            .SelectMany(c => c.DataTypes?.Value ?? [])
            .Select(t => BaseName(t.Value))
            .SelectMany(t => DataTypeAliases.TryGetValue(t, out var table) ? new[] { t, table } : [t])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var analysis = analyzed.Analysis;
        foreach (var table in analysis.Tables.Where(t => t.Via is null).DistinctBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
        {
            if (!covered.Contains(table.Name) && IsRealTable(table.Name, schemas))
            {
                yield return Finding(analyzed, table.Start, table.Length, connectors.Span,
                    $"The query reads table '{table.Name}', which no requiredDataConnectors entry lists in its dataTypes.");
            }
        }
        foreach (var function in analysis.Functions.Where(f => f.Via is null).DistinctBy(f => f.Name, StringComparer.OrdinalIgnoreCase))
        {
            if (DataFreeFunctions.Contains(function.Name) || covered.Contains(function.Name))
            {
                continue;
            }
            var reads = analysis.Tables
                .Where(t => string.Equals(t.Via, function.Name, StringComparison.OrdinalIgnoreCase))
                .Select(t => t.Name)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (reads.Count > 0 && !reads.Any(covered.Contains))
            {
                yield return Finding(analyzed, function.Start, function.Length, connectors.Span,
                    $"The query calls '{function.Name}', which reads {string.Join(", ", reads.Select(m => $"'{m}'"))}; none of them nor '{function.Name}' " +
                    "is listed in requiredDataConnectors dataTypes.");
            }
        }
    }

    private static bool IsRealTable(string name, SchemaSet schemas) =>
        schemas.IsStandardTable(name) || name.EndsWith("_CL", StringComparison.OrdinalIgnoreCase);

    private static Diagnostic Finding(AnalyzedItem analyzed, int? start, int? length, SourceSpan fallback, string message)
    {
        var span = start is { } at ? analyzed.Query.SourceMap.GetSpan(at, length ?? 0) : fallback;
        return CrossCheckCodes.TableNotCoveredByConnector.Create(analyzed.Item.FilePath, span, message + Why);
    }

    /// <summary><c>SecurityAlert (IPC)</c> → <c>SecurityAlert</c>.</summary>
    internal static string BaseName(string dataType)
    {
        var paren = dataType.IndexOf('(', StringComparison.Ordinal);
        return (paren > 0 ? dataType[..paren] : dataType).Trim();
    }
}
