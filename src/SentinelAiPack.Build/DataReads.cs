using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Build;

/// <summary>What an item reads, from the analyzer's references: the parsers it calls and the tables behind them.</summary>
public static class DataReads
{
    /// <summary>
    /// The data sources an item names itself: pack parsers it calls and tables it reads directly, in name order.
    /// Without an analysis (a query the analyzer could not finish), the dataTypes of requiredDataConnectors.
    /// </summary>
    public static IReadOnlyList<string> DirectSources(PackContent content, PackItem item)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(item);
        if (item.Analysis is not { } analysis)
        {
            return (item.Template?.RequiredDataConnectors?.Value ?? [])
                .SelectMany(c => c.DataTypes?.Value ?? [])
                .Select(t => t.Value.Trim())
                .Where(t => t.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        var parsers = analysis.Functions.Where(f => f.Via is null && content.FindParser(f.Name) is not null).Select(f => f.Name);
        var tables = analysis.Tables.Where(t => t.Via is null).Select(t => t.Name);
        return parsers.Concat(tables).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every workspace table the item reads, directly or through functions, in name order.</summary>
    public static IReadOnlyList<string> AllTables(PackItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (item.Analysis?.Tables ?? []).Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Tables read through each function the item calls (the function it calls directly is the key).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> TablesByParser(PackItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (item.Analysis?.Tables ?? [])
            .Where(t => t.Via is not null)
            .GroupBy(t => t.Via!, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The alert type of a rule or query: <c>aipack.alertType</c>, else its folder.</summary>
    public static string AlertType(PackItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (item.Item as DetectionTemplate)?.AiPack?.AlertType?.Value.Trim() is { Length: > 0 } type ? type : item.AlertTypeFolder;
    }
}
