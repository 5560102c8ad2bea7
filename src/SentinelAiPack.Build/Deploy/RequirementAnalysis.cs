using System.Text.RegularExpressions;

namespace SentinelAiPack.Build.Deploy;

/// <summary>
/// The tables and columns each item needs, from the analyzer's references (also through parsers). A table reached
/// through pack parsers is optional when every pack parser that reads it directly does so in a
/// <c>union isfuzzy=true</c> (the pack's parsers all do, so a workspace with only some sources still works).
/// </summary>
public static partial class RequirementAnalysis
{
    public static ItemRequirements For(PackContent content, PackItem item)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(item);
        var analysis = item.Analysis;
        if (analysis is null)
        {
            return new ItemRequirements(item, []);
        }
        var requirements = new List<TableRequirement>();
        foreach (var group in analysis.Tables.GroupBy(t => (Table: t.Name, t.Via)))
        {
            var columns = analysis.Columns
                .Where(c => c.Table.Equals(group.Key.Table, StringComparison.OrdinalIgnoreCase) && string.Equals(c.Via, group.Key.Via, StringComparison.OrdinalIgnoreCase))
                .Select(c => c.Column)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            var optional = group.Key.Via is { } via
                ? IsOptionalSource(content, via, group.Key.Table)
                : item.Parser is not null && IsFuzzy(item);
            requirements.Add(new TableRequirement(group.Key.Table, group.Key.Via, optional, columns));
        }
        return new ItemRequirements(item, requirements.OrderBy(r => r.Table, StringComparer.Ordinal).ThenBy(r => r.Via, StringComparer.Ordinal).ToList());
    }

    /// <summary>True when every pack parser reachable from <paramref name="via"/> that reads <paramref name="table"/> directly does so in a fuzzy union.</summary>
    public static bool IsOptionalSource(PackContent content, string via, string table)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.FindParser(via) is not { } entry)
        {
            return false;
        }
        var readers = Closure(content, entry)
            .Where(p => (p.Analysis?.Tables ?? []).Any(t => t.Via is null && t.Name.Equals(table, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return readers.Count > 0 && readers.All(IsFuzzy);
    }

    /// <summary>The parser and every pack parser it calls, transitively.</summary>
    public static IReadOnlyList<PackItem> Closure(PackContent content, PackItem parser)
    {
        ArgumentNullException.ThrowIfNull(content);
        var seen = new List<PackItem>();
        var pending = new Stack<PackItem>([parser]);
        while (pending.TryPop(out var next))
        {
            if (seen.Contains(next))
            {
                continue;
            }
            seen.Add(next);
            foreach (var dependency in Arm.ParserOrder.DependenciesOf(content, next))
            {
                pending.Push(dependency);
            }
        }
        return seen;
    }

    public static bool IsFuzzy(PackItem parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        return FuzzyUnion().IsMatch(parser.QueryText);
    }

    [GeneratedRegex(@"\bunion\s+(?:kind\s*=\s*\w+\s+)?isfuzzy\s*=\s*true\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FuzzyUnion();
}
