namespace SentinelAiPack.Engine.Runtime;

/// <summary>
/// Kusto's string terms: a string splits into maximal runs of alphanumeric characters, each run a term
/// (learn.microsoft.com/kusto/query/datatypes-string-operators, "What is a term?"). <c>has</c> looks for a whole
/// term, <c>hasprefix</c>/<c>hassuffix</c> for a term's start/end. The engine scans every value, so terms
/// shorter than three characters (which Kusto does not index but still matches by scanning) behave the same.
/// </summary>
public static class Terms
{
    public static bool IsTermChar(char c) => char.IsAsciiLetterOrDigit(c) || (c > 127 && char.IsLetterOrDigit(c));

    /// <summary>True when <paramref name="needle"/> occurs in <paramref name="text"/> starting and ending on term boundaries.</summary>
    public static bool Has(string text, string needle, StringComparison comparison) =>
        Find(text, needle, comparison, requireStart: true, requireEnd: true);

    public static bool HasPrefix(string text, string needle, StringComparison comparison) =>
        Find(text, needle, comparison, requireStart: true, requireEnd: false);

    public static bool HasSuffix(string text, string needle, StringComparison comparison) =>
        Find(text, needle, comparison, requireStart: false, requireEnd: true);

    private static bool Find(string text, string needle, StringComparison comparison, bool requireStart, bool requireEnd)
    {
        if (needle.Length == 0)
        {
            return true;
        }
        // A boundary matters only where the needle itself begins/ends with a term character:
        // "ad67d136-c1db" must start and end on a term edge, while "-c1db" may follow anything.
        var checkStart = requireStart && IsTermChar(needle[0]);
        var checkEnd = requireEnd && IsTermChar(needle[^1]);
        var from = 0;
        while (from <= text.Length - needle.Length)
        {
            var at = text.IndexOf(needle, from, comparison);
            if (at < 0)
            {
                return false;
            }
            var end = at + needle.Length;
            var startOk = !checkStart || at == 0 || !IsTermChar(text[at - 1]);
            var endOk = !checkEnd || end == text.Length || !IsTermChar(text[end]);
            if (startOk && endOk)
            {
                return true;
            }
            from = at + 1;
        }
        return false;
    }

    /// <summary>True when the needle is a single term (only term characters), so term-set lookups apply.</summary>
    public static bool IsSingleTerm(string needle)
    {
        if (needle.Length == 0)
        {
            return false;
        }
        foreach (var c in needle)
        {
            if (!IsTermChar(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Calls <paramref name="visit"/> for each term of <paramref name="text"/> until it returns true.</summary>
    public static bool AnyTerm(string text, Func<ReadOnlyMemory<char>, bool> visit)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsTermChar(text[i]))
            {
                i++;
            }
            var start = i;
            while (i < text.Length && IsTermChar(text[i]))
            {
                i++;
            }
            if (i > start && visit(text.AsMemory(start, i - start)))
            {
                return true;
            }
        }
        return false;
    }
}
