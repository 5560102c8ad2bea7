using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Validation.Kql;

namespace SentinelAiPack.Validation.CrossChecks;

/// <summary>
/// Every table a rule or hunting query reads must be covered by a <c>requiredDataConnectors[].dataTypes</c> entry, so the
/// portal shows the data the rule needs. A workspace function (parser) counts as covered when its own name is listed
/// or every table it reads is. Entries like <c>SecurityAlert (IPC)</c> cover <c>SecurityAlert</c>. Items that declare
/// no connectors (an empty list, as ASIM-based content does) are left to the template rules.
/// </summary>
public static class ConnectorCoverageCheck
{
    /// <summary>Sentinel data-type names that are not table names, and the table each stands for.</summary>
    private static readonly Dictionary<string, string> DataTypeAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["KeyVaultData"] = "AzureDiagnostics",
    };

    /// <summary>Functions that read no workspace data of their own (watchlists).</summary>
    private static readonly HashSet<string> DataFreeFunctions = new(StringComparer.OrdinalIgnoreCase) { "_GetWatchlist", "_ASIM_GetWatchlistRaw" };

    public static IEnumerable<Diagnostic> Check(AnalyzedItem analyzed)
    {
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
        foreach (var table in analysis.Tables.Where(t => t.Via is null).Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!covered.Contains(table))
            {
                yield return Finding(template, connectors.Span, $"The query reads table '{table}', which no requiredDataConnectors entry lists in its dataTypes.");
            }
        }
        foreach (var function in analysis.Functions.Where(f => f.Via is null).Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (DataFreeFunctions.Contains(function) || covered.Contains(function))
            {
                continue;
            }
            var missing = analysis.Tables
                .Where(t => string.Equals(t.Via, function, StringComparison.OrdinalIgnoreCase) && !covered.Contains(t.Name))
                .Select(t => t.Name)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (missing.Count > 0)
            {
                yield return Finding(template, connectors.Span,
                    $"The query calls '{function}', which reads {string.Join(", ", missing.Select(m => $"'{m}'"))}; list '{function}' or those tables in requiredDataConnectors dataTypes.");
            }
        }
    }

    private static Diagnostic Finding(DetectionTemplate template, SourceSpan span, string message) =>
        CrossCheckCodes.TableNotCoveredByConnector.Create(template.FilePath, span, message);

    /// <summary><c>SecurityAlert (IPC)</c> → <c>SecurityAlert</c>.</summary>
    internal static string BaseName(string dataType)
    {
        var paren = dataType.IndexOf('(', StringComparison.Ordinal);
        return (paren > 0 ? dataType[..paren] : dataType).Trim();
    }
}
