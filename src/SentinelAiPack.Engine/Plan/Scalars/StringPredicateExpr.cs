using System.Text.RegularExpressions;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Scalars;

internal enum StringOp
{
    Equals,
    Has,
    HasPrefix,
    HasSuffix,
    Contains,
    StartsWith,
    EndsWith,
    MatchesRegex,
}

/// <summary>
/// String operators (learn.microsoft.com/kusto/query/datatypes-string-operators): has/hasprefix/hassuffix match
/// terms, contains/startswith/endswith match substrings, =~ is case-insensitive equality; the _cs forms are
/// case-sensitive and the ! forms negate. A constant right side is compiled into a matcher once.
/// </summary>
internal sealed class StringPredicateExpr : ScalarExpr
{
    private readonly StringOp _op;
    private readonly bool _negate;
    private readonly StringComparison _comparison;
    private readonly ScalarExpr _left;
    private readonly ScalarExpr _right;
    private readonly Func<string, bool>? _constantMatcher;

    public StringPredicateExpr(StringOp op, bool caseSensitive, bool negate, ScalarExpr left, ScalarExpr right)
        : base(ScalarKind.Bool)
    {
        _op = op;
        _negate = negate;
        _comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        _left = left;
        _right = right;
        if (right.IsConstant)
        {
            _constantMatcher = Matcher(op, _comparison, Values.ToKustoString(right.ValueFor(null!)));
        }
    }

    public override bool IsConstant => _left.IsConstant && _right.IsConstant;

    public override Column Evaluate(in Batch batch)
    {
        var text = ((Column<string>)_left.Evaluate(batch)).Data;
        var result = new bool[text.Length];
        var negate = _negate;
        if (_constantMatcher is { } match)
        {
            for (var i = 0; i < text.Length; i++)
            {
                result[i] = match(text[i]) != negate;
            }
        }
        else
        {
            var needles = ((Column<string>)_right.Evaluate(batch)).Data;
            for (var i = 0; i < text.Length; i++)
            {
                result[i] = Test(_op, _comparison, text[i], needles[i]) != negate;
            }
        }
        return new Column<bool>(ScalarKind.Bool, result);
    }

    /// <summary>A matcher for a fixed needle (regexes are compiled once).</summary>
    public static Func<string, bool> Matcher(StringOp op, StringComparison comparison, string needle)
    {
        if (op == StringOp.MatchesRegex)
        {
            var regex = RegexCache.Get(needle);
            return text => regex.IsMatch(text);
        }
        return text => Test(op, comparison, text, needle);
    }

    public static bool Test(StringOp op, StringComparison comparison, string text, string needle) => op switch
    {
        StringOp.Equals => string.Equals(text, needle, comparison),
        StringOp.Has => Terms.Has(text, needle, comparison),
        StringOp.HasPrefix => Terms.HasPrefix(text, needle, comparison),
        StringOp.HasSuffix => Terms.HasSuffix(text, needle, comparison),
        StringOp.Contains => text.Contains(needle, comparison),
        StringOp.StartsWith => text.StartsWith(needle, comparison),
        StringOp.EndsWith => text.EndsWith(needle, comparison),
        _ => RegexCache.Get(needle).IsMatch(text),
    };
}

/// <summary>
/// Regexes compiled once per pattern. Kusto uses RE2 syntax; .NET's engine accepts the RE2 features detections use
/// (classes, quantifiers, groups, anchors, (?i)). A match timeout keeps hostile patterns from hanging a run.
/// </summary>
internal static class RegexCache
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static Regex Get(string pattern) => Cache.GetOrAdd(pattern, static p =>
    {
        try
        {
            return new Regex(FromRe2(p), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        }
        catch (ArgumentException e)
        {
            throw new EngineRuntimeException($"invalid regular expression '{p}': {e.Message}");
        }
    });

    /// <summary>RE2 spellings .NET writes differently: named groups <c>(?P&lt;name&gt;...)</c>.</summary>
    private static string FromRe2(string pattern) => pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
}
