using System.Globalization;
using System.Text;

namespace SentinelAiPack.Patterns.Kql;

/// <summary>KQL literal spelling of generated values: verbatim strings for regexes, escaped strings and dynamic arrays for lookup tables.</summary>
internal static class KqlLiterals
{
    /// <summary>A verbatim string literal <c>@"..."</c>: backslashes are literal, quotes doubled.</summary>
    public static string Verbatim(string value) => "@\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A regular string literal with KQL escapes (backslash, quote, control characters as \uXXXX).</summary>
    public static string Quoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary><c>dynamic(["a", "b"])</c>.</summary>
    public static string StringArray(IEnumerable<string> values) => "dynamic([" + string.Join(", ", values.Select(Quoted)) + "])";

    /// <summary><c>("a", "b")</c> for <c>in</c>.</summary>
    public static string InList(IEnumerable<string> values) => "(" + string.Join(", ", values.Select(Quoted)) + ")";
}
