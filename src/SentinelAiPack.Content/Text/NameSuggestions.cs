namespace SentinelAiPack.Content.Text;

/// <summary>"Did you mean" candidates: the closest known names by edit distance, ignoring case.</summary>
public static class NameSuggestions
{
    /// <summary>The candidates nearest to <paramref name="name"/> (all ties at the best distance, up to <paramref name="max"/>).</summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates, int max = 3, int? maxDistance = null)
    {
        var limit = maxDistance ?? Math.Max(2, name.Length / 3);
        var scored = candidates
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(c => (Name: c, Distance: Distance(name, c)))
            .Where(c => c.Distance <= limit)
            .ToList();
        if (scored.Count == 0)
        {
            return [];
        }
        var best = scored.Min(c => c.Distance);
        return scored
            .Where(c => c.Distance == best)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>Formats the suggestion suffix of a message, or an empty string.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates)
    {
        var closest = Closest(name, candidates);
        return closest.Count == 0 ? string.Empty : " Did you mean " + string.Join(" or ", closest.Select(c => $"'{c}'")) + "?";
    }

    /// <summary>Levenshtein distance, case-insensitive (a case-only difference costs 0, which makes it the best suggestion).</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
