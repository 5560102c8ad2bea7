using System.Text;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Output;

/// <summary>Writes a query result as a readable table, a JSON array of row objects, or CSV.</summary>
public static class ResultWriter
{
    /// <summary>Cells longer than this are cut in the table format (json and csv keep full values).</summary>
    public const int MaxCellWidth = 80;

    public static void WriteTable(Table table, TextWriter output)
    {
        var headers = table.Schema.Columns.Select(c => c.Name).ToArray();
        var cells = table.Rows().Select(r => r.Select(v => Cell(v)).ToArray()).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join(" | ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in cells)
        {
            output.WriteLine(string.Join(" | ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }
        output.WriteLine($"({table.RowCount} row{(table.RowCount == 1 ? "" : "s")})");
    }

    private static string Cell(object? value)
    {
        // Control and format characters (attacker-written log text) would break the layout or the terminal: show them escaped.
        var clean = TextEscaping.ForTerminal(value is null ? "" : Values.ToKustoString(value));
        return clean.Length > MaxCellWidth ? clean[..(MaxCellWidth - 3)] + "..." : clean;
    }

    public static void WriteJson(Table table, TextWriter output)
    {
        var builder = new StringBuilder();
        builder.Append('[');
        var first = true;
        foreach (var row in table.Rows())
        {
            builder.Append(first ? "\n  {" : ",\n  {");
            first = false;
            for (var c = 0; c < row.Length; c++)
            {
                if (c > 0)
                {
                    builder.Append(", ");
                }
                Dyn.WriteJson(builder, table.Schema[c].Name);
                builder.Append(": ");
                Dyn.WriteJson(builder, row[c] is int i ? (long)i : row[c]);
            }
            builder.Append('}');
        }
        builder.Append(first ? "]" : "\n]");
        output.WriteLine(builder.ToString());
    }

    public static void WriteCsv(Table table, TextWriter output)
    {
        output.WriteLine(string.Join(",", table.Schema.Columns.Select(c => Quote(c.Name))));
        foreach (var row in table.Rows())
        {
            output.WriteLine(string.Join(",", row.Select(v => Quote(v is null ? "" : Values.ToKustoString(v)))));
        }
    }

    private static string Quote(string text) => TextEscaping.CsvField(text);
}
