using System.Globalization;
using System.Text.Json;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Data;

/// <summary>The formats a table can be read from.</summary>
public enum TableFormat
{
    /// <summary>A JSON array of objects.</summary>
    JsonArray,

    /// <summary>One JSON object per line (JSON Lines; also Kusto's multijson).</summary>
    JsonLines,

    /// <summary>CSV with a header row naming the columns.</summary>
    Csv,

    /// <summary>CSV without a header: columns by position (externaldata's default).</summary>
    CsvNoHeader,

    /// <summary>CSV whose first record is skipped; columns by position (externaldata's ignoreFirstRecord=true).</summary>
    CsvSkipFirst,

    /// <summary>Tab-separated, without a header.</summary>
    Tsv,

    /// <summary>One record per line, the whole line in the first column.</summary>
    Text,
}

/// <summary>
/// Reads exported logs into tables. With a declared schema, values are converted to its column kinds (JSON by name,
/// header-less CSV by position); without one, column kinds are inferred from the values.
/// Bad input fails with <see cref="InvalidDataException"/> naming the record.
/// </summary>
public static class TableReader
{
    /// <summary>The format a file name implies: .json, .jsonl/.ndjson, .csv, .tsv; null when unknown.</summary>
    public static TableFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => TableFormat.JsonArray,
        ".jsonl" or ".ndjson" => TableFormat.JsonLines,
        ".csv" => TableFormat.Csv,
        ".tsv" => TableFormat.Tsv,
        _ => null,
    };

    public static Table Read(TextReader reader, TableFormat format, RowSchema? declared)
    {
        switch (format)
        {
            case TableFormat.JsonArray:
            case TableFormat.JsonLines:
                return FromRecords(JsonRecords(reader, format), declared);
            case TableFormat.Csv:
                return FromCsv(CsvReader.Records(reader), header: true, declared);
            case TableFormat.CsvNoHeader:
                return FromCsv(CsvReader.Records(reader), header: false, declared);
            case TableFormat.CsvSkipFirst:
                return FromCsv(CsvReader.Records(reader).Skip(1), header: false, declared);
            case TableFormat.Tsv:
                return FromCsv(CsvReader.Records(reader, '\t'), header: false, declared);
            default:
                var lines = new List<List<string>>();
                string? line;
                while ((line = reader.ReadLine()) is not null)
                {
                    lines.Add([line]);
                }
                return FromCsv(lines, header: false, declared);
        }
    }

    /// <summary>Rows given as name → value maps (JSON objects, YAML mappings), converted to the declared schema or inferred.</summary>
    public static Table FromRecords(IEnumerable<IReadOnlyDictionary<string, object?>> records, RowSchema? declared)
    {
        var rows = records.ToList();
        var schema = declared ?? InferSchema(rows);
        var builders = schema.Columns.Select(c => ColumnBuilder.Create(c.Kind, rows.Count)).ToArray();
        foreach (var row in rows)
        {
            for (var c = 0; c < builders.Length; c++)
            {
                builders[c].Add(row.TryGetValue(schema[c].Name, out var value) ? Convert(value, schema[c].Kind) : null);
            }
        }
        return new Table(schema, builders.Select(b => b.Build()).ToArray());
    }

    /// <summary>Converts a raw value (JSON/YAML scalar or structure) to a kind: text is parsed, structures stay dynamic.</summary>
    public static object? Convert(object? value, ScalarKind kind) => value switch
    {
        null => null,
        string s when kind == ScalarKind.Dynamic => Dyn.TryParseJson(s, out var parsed) && parsed is DynArray or DynBag ? parsed : s,
        DynArray or DynBag when kind == ScalarKind.String => Dyn.ToJson(value),
        _ => Values.ConvertTo(value, kind),
    };

    private static IEnumerable<IReadOnlyDictionary<string, object?>> JsonRecords(TextReader reader, TableFormat format)
    {
        if (format == TableFormat.JsonArray)
        {
            var text = reader.ReadToEnd();
            if (!Dyn.TryParseJson(text, out var root))
            {
                throw new InvalidDataException("not valid JSON (expected an array of objects)");
            }
            if (root is DynBag single)
            {
                yield return Record(single, 1);
                yield break;
            }
            if (root is not DynArray array)
            {
                throw new InvalidDataException("expected a JSON array of objects");
            }
            var index = 0;
            foreach (var item in array)
            {
                index++;
                yield return item is DynBag bag ? Record(bag, index) : throw new InvalidDataException($"item {index} is not a JSON object");
            }
            yield break;
        }
        string? line;
        var number = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (!Dyn.TryParseJson(line, out var value) || value is not DynBag bag)
            {
                throw new InvalidDataException($"line {number} is not a JSON object");
            }
            yield return Record(bag, number);
        }
    }

    private static Dictionary<string, object?> Record(DynBag bag, int _) => bag.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    private static Table FromCsv(IEnumerable<List<string>> records, bool header, RowSchema? declared)
    {
        using var enumerator = records.GetEnumerator();
        List<string>? names = null;
        if (header)
        {
            if (!enumerator.MoveNext())
            {
                return Table.Empty(declared ?? RowSchema.Empty);
            }
            names = enumerator.Current;
        }
        var rows = new List<List<string>>();
        while (enumerator.MoveNext())
        {
            rows.Add(enumerator.Current);
        }
        names ??= declared?.Columns.Select(c => c.Name).ToList()
            ?? Enumerable.Range(1, rows.Count == 0 ? 0 : rows.Max(r => r.Count)).Select(i => "Column" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var records2 = rows.Select(r => (IReadOnlyDictionary<string, object?>)names.Select((n, i) => (n, i))
            .GroupBy(x => x.n).ToDictionary(g => g.Key, g => (object?)(g.First().i < r.Count ? r[g.First().i] : null), StringComparer.Ordinal));
        return FromRecords(records2, declared ?? InferSchema(names, rows));
    }

    private static RowSchema InferSchema(List<IReadOnlyDictionary<string, object?>> rows)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var name in row.Keys)
            {
                if (seen.Add(name))
                {
                    names.Add(name);
                }
            }
        }
        return new RowSchema(names.Select(n => new ColumnInfo(n, Infer(rows.Select(r => r.TryGetValue(n, out var v) ? v : null)))));
    }

    private static RowSchema InferSchema(List<string> names, List<List<string>> rows) =>
        new(names.Select((n, i) => new ColumnInfo(n, Infer(rows.Select(r => i < r.Count ? (object?)r[i] : null)))));

    /// <summary>The narrowest kind every non-empty value fits: bool, long, real, datetime, dynamic (structures) or string.</summary>
    public static ScalarKind Infer(IEnumerable<object?> values)
    {
        var kinds = new HashSet<ScalarKind>();
        foreach (var value in values)
        {
            switch (value)
            {
                case null:
                case string { Length: 0 }:
                    continue;
                case bool:
                    kinds.Add(ScalarKind.Bool);
                    break;
                case long or int:
                    kinds.Add(ScalarKind.Long);
                    break;
                case double:
                    kinds.Add(ScalarKind.Real);
                    break;
                case DynArray or DynBag:
                    kinds.Add(ScalarKind.Dynamic);
                    break;
                case string s:
                    kinds.Add(InferText(s));
                    break;
                default:
                    kinds.Add(Values.KindOf(value));
                    break;
            }
        }
        if (kinds.Count == 0)
        {
            return ScalarKind.String;
        }
        if (kinds.Count == 1)
        {
            return kinds.First();
        }
        return kinds.SetEquals([ScalarKind.Long, ScalarKind.Real]) ? ScalarKind.Real : kinds.Contains(ScalarKind.Dynamic) ? ScalarKind.Dynamic : ScalarKind.String;
    }

    private static ScalarKind InferText(string text)
    {
        var t = text.Trim();
        if (t is "true" or "false" or "True" or "False")
        {
            return ScalarKind.Bool;
        }
        if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return ScalarKind.Long;
        }
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return ScalarKind.Real;
        }
        // Only ISO 8601-looking text counts as a datetime: "2026-03-01T12:00:00Z", "2026-03-01 12:00".
        if (t.Length >= 10 && char.IsAsciiDigit(t[0]) && t[4] == '-' && t[7] == '-' && Values.ParseDateTime(t) is not null)
        {
            return ScalarKind.DateTime;
        }
        if ((t.StartsWith('{') || t.StartsWith('[')) && Dyn.TryParseJson(t, out _))
        {
            return ScalarKind.Dynamic;
        }
        return ScalarKind.String;
    }
}
