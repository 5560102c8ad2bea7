using System.Text.RegularExpressions;

namespace SentinelAiPack.Patterns.Loading;

/// <summary>
/// Constructs that Log Analytics (RE2) and the local engine (.NET) do not read the same way, so a pattern that uses
/// one would behave differently in the workspace than in tests: lookaround, backreferences, atomic groups and
/// possessive quantifiers (RE2 rejects them), .NET-only escapes and flags, and the Unicode-aware shorthand classes
/// (\w, \d match non-ASCII letters and digits in .NET, only ASCII in RE2). \b and \s are accepted: the parser turns
/// Unicode spaces into ASCII spaces before matching, and \b differs only next to non-ASCII letters.
/// </summary>
public static partial class Re2Portability
{
    private static readonly (Regex Pattern, string Problem)[] Checks =
    [
        (Lookaround(), "lookahead/lookbehind (?=, (?!, (?<=, (?<! is not supported by RE2"),
        (Atomic(), "atomic group (?> is not supported by RE2"),
        (Conditional(), "conditional group (?( is not supported by RE2"),
        (Backreference(), "backreference (\\1, \\k<name>) is not supported by RE2"),
        (Possessive(), "possessive quantifier (*+, ++, ?+, }+) is not supported by RE2"),
        (DotNetNamedGroup(), "named group (?<name> or (?'name' is .NET syntax; RE2 writes (?P<name>...)"),
        (UnicodeEscape(), "\\u / \\U / \\x{...} escapes are read differently; write the character itself"),
        (DotNetOnlyEscape(), "\\G, \\Z, \\e and \\p{Is...} are .NET-only"),
        (Shorthand(), "\\w and \\d match non-ASCII letters and digits in .NET but not in RE2; write [a-z0-9_] or [0-9]"),
        (ClassSubtraction(), "character class subtraction [a-z-[aeiou]] is .NET-only"),
    ];

    /// <summary>Every portability problem of the pattern (empty when it reads the same in both engines).</summary>
    public static IReadOnlyList<string> Problems(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var stripped = EscapedBackslash().Replace(pattern, "__");
        var problems = Checks.Where(check => check.Pattern.IsMatch(stripped)).Select(check => check.Problem).ToList();
        if (InlineFlags().Matches(stripped).Any(flags => flags.Groups["flags"].Value.Any(c => c is not ('i' or 'm' or 's' or '-'))))
        {
            problems.Add("only the inline flags i, m and s mean the same in RE2 and .NET");
        }
        if (Repeat().Matches(stripped).Any(repeat => repeat.Groups.Values.Skip(1).Any(g => g.Success && g.Length > 0 && int.TryParse(g.Value, out var n) && n > MaxRepeat)))
        {
            problems.Add($"RE2 rejects repeat counts above {MaxRepeat}");
        }
        return problems;
    }

    /// <summary>The largest {n,m} count RE2 accepts.</summary>
    public const int MaxRepeat = 1000;

    [GeneratedRegex(@"\(\?<?[=!]")]
    private static partial Regex Lookaround();

    [GeneratedRegex(@"\(\?>")]
    private static partial Regex Atomic();

    [GeneratedRegex(@"\(\?\(")]
    private static partial Regex Conditional();

    [GeneratedRegex(@"\\[1-9]|\\k[<'{]")]
    private static partial Regex Backreference();

    [GeneratedRegex(@"(?<!\\)[*+?}]\+")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"\(\?(<[A-Za-z_]|')")]
    private static partial Regex DotNetNamedGroup();

    [GeneratedRegex(@"\\[uU]|\\x\{")]
    private static partial Regex UnicodeEscape();

    [GeneratedRegex(@"\\[GZe]|\\[pP]\{Is")]
    private static partial Regex DotNetOnlyEscape();

    [GeneratedRegex(@"\\[wWdD]")]
    private static partial Regex Shorthand();

    [GeneratedRegex(@"\(\?(?<flags>[a-zA-Z-]+)[:)]")]
    private static partial Regex InlineFlags();

    [GeneratedRegex(@"\{([0-9]+)(?:,([0-9]*))?\}")]
    private static partial Regex Repeat();

    [GeneratedRegex(@"-\[")]
    private static partial Regex ClassSubtraction();

    // An escaped backslash (\\) is a literal and must not start another escape.
    [GeneratedRegex(@"\\\\")]
    private static partial Regex EscapedBackslash();
}
