using System.Globalization;
using System.Text;

namespace SentinelAiPack.Workbooks.Queries;

/// <summary>KQL literals for values that must never change a query's meaning, whatever text they hold.</summary>
public static class KqlLiteral
{
    /// <summary>A double-quoted KQL string literal: backslash, quote and control characters escaped.</summary>
    public static string String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append(@"\n"); break;
                case '\r': builder.Append(@"\r"); break;
                case '\t': builder.Append(@"\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029')
                    {
                        builder.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
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

    /// <summary>
    /// A string expression that decodes base64 text: <c>base64_decode_tostring('...')</c>. The base64 alphabet cannot
    /// close the quote, so text from logs (drill-down values) can never break out into the query.
    /// </summary>
    public static string Base64Decoded(string base64OrReference) =>
        "base64_decode_tostring('" + base64OrReference + "')";

    /// <summary>A dynamic array from comma-separated JSON strings held in a base64-decoded string (empty = <c>[]</c>).</summary>
    public static string JsonArrayFromBase64(string base64OrReference) =>
        "todynamic(strcat('[', " + Base64Decoded(base64OrReference) + ", ']'))";

    /// <summary>A KQL timespan literal (<c>1h</c>, <c>30m</c>, <c>2d</c>, <c>90s</c>).</summary>
    public static string Timespan(TimeSpan span)
    {
        if (span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays))
        {
            return ((long)span.TotalDays).ToString(CultureInfo.InvariantCulture) + "d";
        }
        if (span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours))
        {
            return ((long)span.TotalHours).ToString(CultureInfo.InvariantCulture) + "h";
        }
        if (span.TotalMinutes >= 1 && span.TotalMinutes == Math.Floor(span.TotalMinutes))
        {
            return ((long)span.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m";
        }
        return ((long)Math.Max(1, span.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";
    }

    /// <summary>A KQL datetime literal in UTC.</summary>
    public static string DateTime(DateTime value) =>
        "datetime(" + value.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) + ")";
}
