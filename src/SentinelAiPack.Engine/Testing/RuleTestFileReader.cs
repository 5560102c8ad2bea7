using System.Globalization;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Yaml;

namespace SentinelAiPack.Engine.Testing;

/// <summary>
/// Reads <c>name.tests.yaml</c> files (format: docs/engine.md, "Rule tests"). Problems are SAP6102 findings at the
/// line of the offending value; a file with errors yields no tests.
/// </summary>
public static class RuleTestFileReader
{
    /// <summary>Tests files larger than this are refused (samples are small by design).</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    private static readonly string[] FileKeys = ["referenceTime", "lookback", "watchlists", "cases"];

    private static readonly string[] CaseKeys = ["name", "expect", "rows", "columns", "data", "watchlists", "externaldata", "referenceTime", "lookback", "allowEmpty"];

    public static RuleTestFile? Read(string path, DiagnosticBag diagnostics)
    {
        string text;
        try
        {
            // Only regular files are read: opening a FIFO named *.tests.yaml would block the run forever.
            if (FileKind.NotRegular(path) is { } kind)
            {
                diagnostics.Add(EngineCodes.TestFileInvalid, SourceSpan.Unknown, $"The tests file is {kind}, not a regular file; it was not read.");
                return null;
            }
            if (new FileInfo(path).Length > MaxBytes)
            {
                diagnostics.Add(EngineCodes.TestFileInvalid, SourceSpan.Unknown, $"The tests file is larger than {MaxBytes / (1024 * 1024)} MB.");
                return null;
            }
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            diagnostics.Add(EngineCodes.TestFileInvalid, SourceSpan.Unknown, "The tests file could not be read: " + e.Message);
            return null;
        }
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            diagnostics.Add(EngineCodes.TestFileInvalid, SourceSpan.Unknown, "The tests file is binary, not YAML text.");
            return null;
        }
        return Parse(text, path, diagnostics);
    }

    public static RuleTestFile? Parse(string text, string path, DiagnosticBag diagnostics)
    {
        var documents = YamlDocumentReader.Read(text, diagnostics);
        if (documents is null)
        {
            return null;
        }
        if (documents.Count == 0 || documents[0] is not YamlMapping root)
        {
            diagnostics.Add(EngineCodes.TestFileInvalid, SourceSpan.Unknown, "The tests file must be a mapping with 'referenceTime' and 'cases'.");
            return null;
        }
        var errors = diagnostics.Items.Count;
        UnknownKeys(root, FileKeys, "the tests file", diagnostics);
        var referenceTime = Time(root, "referenceTime", diagnostics, required: true);
        var lookback = Lookback(root, diagnostics);
        var watchlists = Tables(root.Find("watchlists")?.Value, "watchlists", diagnostics);
        var cases = new List<RuleTestCase>();
        switch (root.Find("cases")?.Value)
        {
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (Case(item, diagnostics) is { } parsed)
                    {
                        cases.Add(parsed);
                    }
                }
                break;
            case null:
                diagnostics.Add(EngineCodes.TestFileInvalid, root.Span, "'cases' is missing: list the test cases.");
                break;
            case var other:
                Error(diagnostics, other, $"'cases' must be a list, not {other.KindName}.");
                break;
        }
        if (diagnostics.Items.Skip(errors).Any(d => d.Severity == DiagnosticSeverity.Error) || referenceTime is null)
        {
            return null;
        }
        if (cases.Count == 0)
        {
            diagnostics.Add(EngineCodes.TestFileInvalid, root.Span, "The tests file has no cases.");
            return null;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in cases.Where(c => !names.Add(c.Name)))
        {
            diagnostics.Add(EngineCodes.TestFileInvalid, c.Span, $"Two cases are named '{c.Name}'; case names must be unique.");
        }
        return new RuleTestFile(path, referenceTime.Value, cases) { Lookback = lookback, Watchlists = watchlists };
    }

    private static RuleTestCase? Case(YamlNode node, DiagnosticBag diagnostics)
    {
        if (node is not YamlMapping map)
        {
            Error(diagnostics, node, "Each case must be a mapping with 'name', 'expect' and 'data'.");
            return null;
        }
        UnknownKeys(map, CaseKeys, "a case", diagnostics);
        var name = Scalar(map, "name", diagnostics)?.Value;
        if (string.IsNullOrWhiteSpace(name))
        {
            diagnostics.Add(EngineCodes.TestFileInvalid, map.Span, "The case has no 'name'.");
            return null;
        }
        var expectNode = Scalar(map, "expect", diagnostics);
        Expectation expect;
        switch (expectNode?.Value.Trim().ToLowerInvariant())
        {
            case "fires":
                expect = Expectation.Fires;
                break;
            case "silent":
                expect = Expectation.Silent;
                break;
            case null:
                diagnostics.Add(EngineCodes.TestFileInvalid, map.Span, $"Case '{name}' has no 'expect' (fires or silent).");
                return null;
            default:
                Error(diagnostics, expectNode, $"Case '{name}': 'expect' must be 'fires' or 'silent', not '{expectNode.Value}'.");
                return null;
        }
        long? rows = null;
        if (Scalar(map, "rows", diagnostics) is { } rowsNode)
        {
            if (long.TryParse(rowsNode.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                rows = count;
            }
            else
            {
                Error(diagnostics, rowsNode, $"Case '{name}': 'rows' must be a whole number, not '{rowsNode.Value}'.");
            }
        }
        if (expect == Expectation.Silent && rows is > 0)
        {
            Error(diagnostics, map.Find("rows")!.Value, $"Case '{name}' expects silence but {rows} rows.");
        }
        var columns = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        switch (map.Find("columns")?.Value)
        {
            case YamlMapping columnMap:
                foreach (var entry in columnMap.Entries)
                {
                    columns[entry.Key.Value] = entry.Value;
                }
                break;
            case null:
                break;
            case var other:
                Error(diagnostics, other, $"Case '{name}': 'columns' must map column names to values.");
                break;
        }
        return new RuleTestCase(name, expect, map.Span)
        {
            Rows = rows,
            Columns = columns,
            Data = Tables(map.Find("data")?.Value, "data", diagnostics),
            Watchlists = Tables(map.Find("watchlists")?.Value, "watchlists", diagnostics),
            ExternalData = Tables(map.Find("externaldata")?.Value, "externaldata", diagnostics),
            ReferenceTime = Time(map, "referenceTime", diagnostics, required: false),
            Lookback = Lookback(map, diagnostics),
            AllowEmpty = ColumnList(map, "allowEmpty", name, diagnostics),
        };
    }

    /// <summary>A list of column names (<c>[A, B]</c>); anything else is reported.</summary>
    private static List<string> ColumnList(YamlMapping map, string key, string caseName, DiagnosticBag diagnostics)
    {
        var columns = new List<string>();
        switch (map.Find(key)?.Value)
        {
            case null:
            case YamlScalar { IsNull: true }:
                break;
            case YamlSequence list:
                foreach (var item in list.Items)
                {
                    if (item is YamlScalar { IsNull: false } scalar && !string.IsNullOrWhiteSpace(scalar.Value))
                    {
                        columns.Add(scalar.Value.Trim());
                    }
                    else
                    {
                        Error(diagnostics, item, $"Case '{caseName}': '{key}' must list column names.");
                    }
                }
                break;
            case var other:
                Error(diagnostics, other, $"Case '{caseName}': '{key}' must be a list of column names, e.g. [ConversationId].");
                break;
        }
        return columns;
    }

    /// <summary>name → rows, where rows is a list of mappings or <c>{ file: path }</c>.</summary>
    private static List<CaseTable> Tables(YamlNode? node, string what, DiagnosticBag diagnostics)
    {
        var tables = new List<CaseTable>();
        switch (node)
        {
            case null:
            case YamlScalar { IsNull: true }:
                return tables;
            case YamlMapping map:
                foreach (var entry in map.Entries)
                {
                    var name = entry.Key.Value;
                    switch (entry.Value)
                    {
                        case YamlSequence rows:
                            var records = new List<IReadOnlyDictionary<string, YamlNode>>();
                            foreach (var row in rows.Items)
                            {
                                if (row is YamlMapping rowMap)
                                {
                                    records.Add(rowMap.Entries.GroupBy(e => e.Key.Value, StringComparer.Ordinal)
                                        .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal));
                                }
                                else
                                {
                                    Error(diagnostics, row, $"{what}.{name}: each row must be a mapping of column names to values.");
                                }
                            }
                            tables.Add(new CaseTable(name, records, null, entry.Key.Span));
                            break;
                        case YamlMapping fileRef when fileRef.Find("file")?.Value is YamlScalar file && !file.IsNull:
                            tables.Add(new CaseTable(name, null, file.Value, file.Span));
                            break;
                        case YamlScalar { IsNull: true }:
                            tables.Add(new CaseTable(name, [], null, entry.Key.Span));
                            break;
                        default:
                            Error(diagnostics, entry.Value, $"{what}.{name}: expected a list of rows or {{ file: path }}.");
                            break;
                    }
                }
                return tables;
            default:
                Error(diagnostics, node, $"'{what}' must map table names to rows.");
                return tables;
        }
    }

    private static DateTime? Time(YamlMapping map, string key, DiagnosticBag diagnostics, bool required)
    {
        var node = Scalar(map, key, diagnostics);
        if (node is null)
        {
            if (required)
            {
                diagnostics.Add(EngineCodes.TestFileInvalid, map.Span, $"'{key}' is missing: give the time now() returns during the tests, e.g. 2026-03-01T12:00:00Z.");
            }
            return null;
        }
        if (Runtime.Values.ParseDateTime(node.Value) is { } ticks)
        {
            return new DateTime(ticks, DateTimeKind.Utc);
        }
        Error(diagnostics, node, $"'{key}' is not a date and time: '{node.Value}' (use ISO 8601, e.g. 2026-03-01T12:00:00Z).");
        return null;
    }

    /// <summary><c>lookback: true</c> (the rule's queryPeriod), <c>false</c>, or a duration such as <c>1d</c>.</summary>
    private static LookbackSetting? Lookback(YamlMapping map, DiagnosticBag diagnostics)
    {
        var node = Scalar(map, "lookback", diagnostics);
        if (node is null)
        {
            return null;
        }
        switch (node.Value.Trim().ToLowerInvariant())
        {
            case "true":
                return LookbackSetting.QueryPeriod;
            case "false":
                return LookbackSetting.None;
        }
        if (SentinelDuration.TryParse(node.Value, out var span, out _))
        {
            return new LookbackSetting(false, span);
        }
        Error(diagnostics, node, $"'lookback' must be true, false or a duration such as 1d, not '{node.Value}'.");
        return null;
    }

    private static YamlScalar? Scalar(YamlMapping map, string key, DiagnosticBag diagnostics)
    {
        var entry = map.Find(key);
        switch (entry?.Value)
        {
            case null:
            case YamlScalar { IsNull: true }:
                return null;
            case YamlScalar scalar:
                return scalar;
            case var other:
                Error(diagnostics, other, $"'{key}' must be a single value, not {other.KindName}.");
                return null;
        }
    }

    private static void UnknownKeys(YamlMapping map, string[] known, string where, DiagnosticBag diagnostics)
    {
        foreach (var entry in map.Entries.Where(e => !known.Contains(e.Key.Value, StringComparer.Ordinal)))
        {
            diagnostics.Add(EngineCodes.TestFileInvalid, entry.Key.Span,
                $"Unknown key '{entry.Key.Value}' in {where}; expected one of: {string.Join(", ", known)}.");
        }
    }

    private static void Error(DiagnosticBag diagnostics, YamlNode node, string message) =>
        diagnostics.Add(EngineCodes.TestFileInvalid, node.Span, message);
}
