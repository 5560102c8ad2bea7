using System.Text.RegularExpressions;

namespace SentinelAiPack.Validation.Kql;

public enum UnknownNameKind
{
    None,
    TableOrFunction,
    ColumnOrName,
}

/// <summary>
/// Recognizes the analyzer's "name does not refer to any known ..." messages (KS142, KS204 and their fuzzy-union
/// and function variants) so unknown names can be reported against the schemas with suggestions.
/// </summary>
public sealed partial record UnknownName(UnknownNameKind Kind, string Name, string What, bool Fuzzy)
{
    private static readonly UnknownName NotUnknown = new(UnknownNameKind.None, "", "", false);

    public static UnknownName Parse(string message)
    {
        var match = Pattern().Match(message);
        if (!match.Success)
        {
            return NotUnknown;
        }
        var fuzzy = match.Groups["fuzzy"].Success;
        var what = match.Groups["what"].Value;
        var name = match.Groups["name"].Value;
        // "column, table, variable or function" is a scalar name; "table", "function" and "table, tabular variable or function" are sources.
        return what.StartsWith("column", StringComparison.Ordinal)
            ? new UnknownName(UnknownNameKind.ColumnOrName, name, "column", fuzzy)
            : new UnknownName(UnknownNameKind.TableOrFunction, name, what.Contains("function", StringComparison.Ordinal) && !what.Contains("table", StringComparison.Ordinal) ? "function" : "table or function", fuzzy);
    }

    /// <summary>The name when <paramref name="text"/> is one plain or bracketed KQL name (<c>Col</c>, <c>['Col']</c>), else null.</summary>
    public static string? PlainName(ReadOnlySpan<char> text)
    {
        var match = NamePattern().Match(text.Trim().ToString());
        return match.Success ? match.Groups["plain"].Success ? match.Groups["plain"].Value : match.Groups["quoted"].Value : null;
    }

    [GeneratedRegex(@"^(?:(?<plain>[A-Za-z_][A-Za-z0-9_]*)|\[(?:'(?<quoted>[^']+)'|""(?<quoted>[^""]+)"")\])$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^The (?<fuzzy>fuzzy )?name '(?<name>[^']+)' does not refer to any known (or currently accessible )?(?<what>[^.]+)\.", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
