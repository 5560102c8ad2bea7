using SentinelAiPack.Build.Workbooks;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Yaml;
using SentinelAiPack.Engine.Testing;
using SentinelAiPack.Workbooks.Loading;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Build.Docs;

public enum WatchlistReaderKind
{
    AnalyticsRule,
    HuntingQuery,
    Workbook,
}

/// <summary>An item that reads a watchlist: a rule or hunting query (with its page) or a workbook (with its spec file).</summary>
public sealed record WatchlistReader(WatchlistReaderKind Kind, string DisplayName, PackItem? Item, string? WorkbookFile);

/// <summary>
/// A watchlist the pack reads: its alias, the columns the tests samples give it (<c>SearchKey</c> first), a few
/// sample <c>SearchKey</c> values, and the items that read it.
/// </summary>
public sealed record WatchlistUse(string Alias, IReadOnlyList<string> Columns, IReadOnlyList<string> SampleKeys, IReadOnlyList<WatchlistReader> Readers);

/// <summary>
/// Every watchlist the rules, hunting queries and workbooks read (<see cref="WatchlistCalls"/>), with the columns the
/// tests files declare for it (the <c>watchlists:</c> of a file or case, as <see cref="SampleRunner"/> reads them).
/// Ordered by alias (ordinal); readers by kind, then name.
/// </summary>
public static class WatchlistCatalog
{
    public const string SearchKey = "SearchKey";

    /// <summary>Columns Sentinel adds to every watchlist row; not the user's to create.</summary>
    public static IReadOnlyList<string> SystemColumns { get; } = ["_DTItemId", "LastUpdatedTimeUTC", SearchKey, "WatchlistItem"];

    private const int MaxSampleKeys = 3;

    public static IReadOnlyList<WatchlistUse> Find(PackContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var readers = new Dictionary<string, List<WatchlistReader>>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in content.Rules.Concat(content.HuntingQueries))
        {
            var kind = item.Kind == ContentKind.AnalyticRule ? WatchlistReaderKind.AnalyticsRule : WatchlistReaderKind.HuntingQuery;
            foreach (var alias in ItemAliases(content, item))
            {
                Add(readers, alias, new WatchlistReader(kind, item.DisplayName, item, null));
            }
        }
        foreach (var spec in WorkbookSpecs(content))
        {
            var queries = spec.Parameters.Select(p => p.Query?.Text).Concat(spec.QueryTiles.Select(t => t.Query.Text));
            foreach (var alias in queries.SelectMany(WatchlistCalls.Aliases).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                Add(readers, alias, new WatchlistReader(WatchlistReaderKind.Workbook, spec.Title.Value, null, Path.GetFileName(spec.FilePath)));
            }
        }
        var samples = SampleWatchlists(content);
        return readers.Select(pair =>
        {
            var rows = samples.GetValueOrDefault(pair.Key) ?? [];
            var columns = rows.SelectMany(r => r.Keys).Where(c => !SystemColumns.Contains(c) || c == SearchKey)
                .Distinct(StringComparer.Ordinal).OrderBy(c => c != SearchKey).ThenBy(c => c, StringComparer.Ordinal).ToList();
            var keys = rows.Select(r => r.GetValueOrDefault(SearchKey) as YamlScalar).OfType<YamlScalar>().Where(s => !s.IsNull).Select(s => s.Value)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxSampleKeys).ToList();
            var ordered = pair.Value.OrderBy(r => r.Kind).ThenBy(r => r.DisplayName, StringComparer.Ordinal).ThenBy(r => r.Item?.Key ?? r.WorkbookFile, StringComparer.Ordinal).ToList();
            return new WatchlistUse(pair.Key, columns, keys, ordered);
        }).OrderBy(w => w.Alias, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The aliases the item's query names, and those of the pack parsers it calls. An item the analyzer says calls no
    /// <c>_GetWatchlist</c> (directly or through a parser) reads none, whatever its text mentions.
    /// </summary>
    private static IEnumerable<string> ItemAliases(PackContent content, PackItem item)
    {
        var functions = item.Analysis?.Functions ?? [];
        if (item.Analysis is { Failure: null } && !functions.Any(f => string.Equals(f.Name, WatchlistCalls.FunctionName, StringComparison.OrdinalIgnoreCase)))
        {
            return [];
        }
        var parsers = functions.Where(f => f.Via is null).Select(f => content.FindParser(f.Name)).OfType<PackItem>();
        return WatchlistCalls.Aliases(item.QueryText).Concat(parsers.SelectMany(p => WatchlistCalls.Aliases(p.QueryText)))
            .Distinct(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Workbook specs that load without errors (the workbook contributor reports the others).</summary>
    private static IEnumerable<WorkbookSpec> WorkbookSpecs(PackContent content)
    {
        var options = LoadOptions.For(content.Settings);
        foreach (var path in WorkbookSpecFiles.Find(content))
        {
            var loaded = WorkbookSpecLoader.Load(path, options);
            if (loaded.Spec is { } spec && !loaded.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                yield return spec;
            }
        }
    }

    /// <summary>Inline watchlist rows of every tests file (file-level and per case), by alias.</summary>
    private static Dictionary<string, List<IReadOnlyDictionary<string, YamlNode>>> SampleWatchlists(PackContent content)
    {
        var byAlias = new Dictionary<string, List<IReadOnlyDictionary<string, YamlNode>>>(StringComparer.OrdinalIgnoreCase);
        foreach (var sample in content.Content.SampleFiles.OrderBy(s => s.FilePath, StringComparer.Ordinal))
        {
            if (RuleTestFileReader.Read(sample.FilePath, new DiagnosticBag(sample.FilePath)) is not { } file)
            {
                continue;
            }
            foreach (var table in file.Watchlists.Concat(file.Cases.SelectMany(c => c.Watchlists)))
            {
                if (!byAlias.TryGetValue(table.Name, out var rows))
                {
                    byAlias[table.Name] = rows = [];
                }
                rows.AddRange(table.Rows ?? []);
            }
        }
        return byAlias;
    }

    private static void Add(Dictionary<string, List<WatchlistReader>> readers, string alias, WatchlistReader reader)
    {
        if (!readers.TryGetValue(alias, out var list))
        {
            readers[alias] = list = [];
        }
        list.Add(reader);
    }
}
