using System.Globalization;
using System.Text.RegularExpressions;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Yaml;

namespace SentinelAiPack.Build.Docs;

/// <summary>
/// The firing case of an item's <c>&lt;item&gt;.tests.yaml</c>, as a page shows it: the case name, the output values the
/// test expects (<c>columns</c>), and the source events per table. Until the local engine can run the query, the
/// page shows these events and expectations rather than a computed result row.
/// </summary>
public sealed partial record SampleAlert(string CaseName, IReadOnlyList<(string Column, string Value)> ExpectedColumns, IReadOnlyList<SampleTable> Tables)
{
    /// <summary>The first <c>expect: fires</c> case, or null when the file is missing, unreadable or has none.</summary>
    public static SampleAlert? Read(SampleTestFile? file, long maxBytes = LoadOptions.DefaultMaxFileSizeBytes)
    {
        if (file is null || !File.Exists(file.FilePath) || new FileInfo(file.FilePath).Length > maxBytes)
        {
            return null;
        }
        string text;
        try
        {
            text = File.ReadAllText(file.FilePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var documents = YamlDocumentReader.Read(text, new DiagnosticBag(file.FilePath));
        if (documents is not [YamlMapping root, ..] || root.Find("cases")?.Value is not YamlSequence cases)
        {
            return null;
        }
        foreach (var @case in cases.Items.OfType<YamlMapping>())
        {
            if (Scalar(@case.Find("expect")?.Value)?.Equals("fires", StringComparison.OrdinalIgnoreCase) != true)
            {
                continue;
            }
            var expected = (@case.Find("columns")?.Value as YamlMapping)?.Entries
                .Select(e => (e.Key.Value, Render(e.Value)))
                .ToList() ?? [];
            var tables = (@case.Find("data")?.Value as YamlMapping)?.Entries
                .Select(e => SampleTable.From(e.Key.Value, e.Value))
                .ToList() ?? [];
            return new SampleAlert(Scalar(@case.Find("name")?.Value) ?? "fires", expected, tables);
        }
        return null;
    }

    /// <summary><paramref name="format"/> (an alertDisplayNameFormat) with the <c>{{Column}}</c> placeholders the test expects filled in.</summary>
    public string FillPlaceholders(string format) => Fill(format, ExpectedColumns);

    /// <summary><paramref name="format"/> with each <c>{{Column}}</c> replaced by that column's value; unknown columns stay as written.</summary>
    public static string Fill(string format, IReadOnlyList<(string Column, string Value)> values)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(format, match =>
        {
            var column = match.Groups[1].Value.Trim();
            var value = values.FirstOrDefault(c => c.Column.Equals(column, StringComparison.OrdinalIgnoreCase)).Value;
            return value ?? match.Value;
        });
    }

    internal static string? Scalar(YamlNode? node) => node is YamlScalar { IsNull: false } scalar ? scalar.Value : null;

    /// <summary>A YAML value as one line of text: scalars as written, lists and maps in flow style.</summary>
    internal static string Render(YamlNode? node) => node switch
    {
        null => string.Empty,
        YamlScalar { IsNull: true } => string.Empty,
        YamlScalar scalar => scalar.Value,
        YamlSequence sequence => "[" + string.Join(", ", sequence.Items.Select(Render)) + "]",
        YamlMapping mapping => "{" + string.Join(", ", mapping.Entries.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key.Value}: {Render(e.Value)}"))) + "}",
        _ => string.Empty,
    };

    [GeneratedRegex("{{([^{}]*)}}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

/// <summary>The rows of one source table in a test case, with the columns in first-seen order.</summary>
public sealed record SampleTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    internal static SampleTable From(string name, YamlNode node)
    {
        var rows = new List<IReadOnlyDictionary<string, string>>();
        var columns = new List<string>();
        foreach (var row in (node as YamlSequence)?.Items.OfType<YamlMapping>() ?? [])
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in row.Entries)
            {
                values[entry.Key.Value] = SampleAlert.Render(entry.Value);
                if (!columns.Contains(entry.Key.Value, StringComparer.Ordinal))
                {
                    columns.Add(entry.Key.Value);
                }
            }
            rows.Add(values);
        }
        return new SampleTable(name, columns, rows);
    }
}
