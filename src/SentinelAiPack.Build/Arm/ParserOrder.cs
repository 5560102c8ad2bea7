namespace SentinelAiPack.Build.Arm;

/// <summary>
/// Orders parsers so that a parser calling another pack parser (AIOutputMetrics calls AIConversationTurns) is
/// deployed after it. Dependencies come from the analyzer's function references; ties keep name order.
/// </summary>
public static class ParserOrder
{
    /// <summary>The parsers in deployment order and any dependency cycle found (then left in name order).</summary>
    public static (IReadOnlyList<PackItem> Order, IReadOnlyList<string> Cycle) Sort(PackContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var parsers = content.Parsers.OrderBy(p => p.DisplayName, StringComparer.Ordinal).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        var dependsOn = parsers.ToDictionary(p => p, p => DependenciesOf(content, p));
        var done = new List<PackItem>();
        var remaining = new List<PackItem>(parsers);
        while (remaining.Count > 0)
        {
            var ready = remaining.FirstOrDefault(p => dependsOn[p].All(done.Contains));
            if (ready is null)
            {
                // A cycle: keep the rest in name order and report it.
                return ([.. done, .. remaining], remaining.Select(p => p.DisplayName).ToList());
            }
            done.Add(ready);
            remaining.Remove(ready);
        }
        return (done, []);
    }

    /// <summary>The other pack parsers <paramref name="parser"/> calls directly.</summary>
    public static IReadOnlyList<PackItem> DependenciesOf(PackContent content, PackItem parser)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(parser);
        return (parser.Analysis?.Functions ?? [])
            .Where(f => f.Via is null)
            .Select(f => content.FindParser(f.Name))
            .OfType<PackItem>()
            .Where(p => p != parser)
            .Distinct()
            .ToList();
    }
}
