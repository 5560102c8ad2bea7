using System.Text.RegularExpressions;

namespace SentinelAiPack.Build.Docs;

/// <summary>
/// The watchlist aliases a query names in <c>_GetWatchlist('Alias')</c> calls, for the docs.
/// This is a literal-argument lookup, not KQL parsing: the official analyzer's references
/// (<see cref="Kql.KqlAnalysis.Functions"/>) say a query calls <c>_GetWatchlist</c> but not with which argument, so the
/// alias is read from the query text with a tight pattern: the function name, one single- or double-quoted string
/// literal of alias characters, and the closing parenthesis. A computed alias is not found; callers use the analyzer's
/// references to ignore text that only mentions the call (a comment).
/// </summary>
public static partial class WatchlistCalls
{
    /// <summary>The Sentinel function that reads a watchlist by alias.</summary>
    public const string FunctionName = "_GetWatchlist";

    [GeneratedRegex(@"(?<![A-Za-z0-9_])_GetWatchlist\(\s*@?(?<quote>['""])(?<alias>[A-Za-z0-9_-]{1,256})\k<quote>\s*\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LiteralCall();

    /// <summary>Distinct aliases in <paramref name="queryText"/>, ordered (ordinal); aliases differing only in case count once.</summary>
    public static IReadOnlyList<string> Aliases(string? queryText)
    {
        if (string.IsNullOrEmpty(queryText))
        {
            return [];
        }
        try
        {
            return LiteralCall().Matches(queryText).Select(m => m.Groups["alias"].Value)
                .Order(StringComparer.Ordinal).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
    }
}
