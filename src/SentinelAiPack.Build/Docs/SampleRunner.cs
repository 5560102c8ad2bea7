using System.Globalization;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Yaml;
using SentinelAiPack.Engine;
using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Testing;

namespace SentinelAiPack.Build.Docs;

/// <summary>
/// Runs each rule's and hunting query's query with the local engine on the events of the first <c>expect: fires</c>
/// case of its tests file, as <c>aipack test</c> does (now() = the reference time; an analytics rule's tables cut to
/// its queryPeriod; watchlists with Sentinel's columns), so the docs show the alert row the rule really produces.
/// The case tables are built here from the engine's public pieces because the test runner keeps its inputs and
/// outputs to itself.
/// </summary>
public sealed class SampleRunner(KqlEngine engine)
{
    public async Task<IReadOnlyDictionary<string, SampleOutput>> RunAsync(PackContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var outputs = new SortedDictionary<string, SampleOutput>(StringComparer.Ordinal);
        foreach (var item in content.Rules.Concat(content.HuntingQueries))
        {
            if (content.Content.FindSampleFile(item.Item) is not { } sample || string.IsNullOrWhiteSpace(item.QueryText))
            {
                continue;
            }
            var file = RuleTestFileReader.Read(sample.FilePath, new DiagnosticBag(sample.FilePath));
            if (file?.Cases.FirstOrDefault(c => c.Expect == Expectation.Fires) is not { } firing)
            {
                continue;
            }
            outputs[item.Key] = await RunCaseAsync(content, item, file, firing, cancellationToken).ConfigureAwait(false);
        }
        return outputs;
    }

    private async Task<SampleOutput> RunCaseAsync(PackContent content, PackItem item, RuleTestFile file, RuleTestCase firing, CancellationToken cancellationToken)
    {
        var compiled = await engine.CompileAsync(item.QueryText, content.Schemas, filePath: item.Item.FilePath, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!compiled.Success)
        {
            return SampleOutput.Failed(firing.Name, compiled.Diagnostics.FirstOrDefault()?.Message ?? "the query does not compile");
        }
        try
        {
            var now = firing.ReferenceTime ?? file.ReferenceTime;
            var lookback = item.Kind == ContentKind.AnalyticRule && (firing.Lookback ?? file.Lookback ?? LookbackSetting.QueryPeriod).UseQueryPeriod
                ? item.Template!.QueryPeriodValue
                : (firing.Lookback ?? file.Lookback)?.Span;
            var context = new EvaluationContext
            {
                Now = now,
                Tables = firing.Data.ToDictionary(t => content.Schemas.FindTable(t.Name)?.Name ?? t.Name, t => Cut(Load(content, t), now, lookback), StringComparer.Ordinal),
                EmptyTableSchemas = SchemaConversion.EmptyTables(content.Schemas),
                Watchlists = file.Watchlists.Concat(firing.Watchlists).GroupBy(w => w.Name, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => Watchlist(g.Last()), StringComparer.OrdinalIgnoreCase),
                Cancellation = cancellationToken,
            };
            var output = compiled.Plan!.Run(context);
            var first = output.RowCount == 0
                ? []
                : Enumerable.Range(0, output.Schema.Count).Select(c => (output.Schema[c].Name, Values.ToKustoString(output.GetValue(0, c)))).ToList();
            return new SampleOutput(firing.Name, output.RowCount, first);
        }
        catch (Exception e) when (e is EngineRuntimeException or InvalidDataException or FormatException or OverflowException)
        {
            return SampleOutput.Failed(firing.Name, e.Message);
        }
    }

    private static Table Load(PackContent content, CaseTable data)
    {
        if (data.File is not null)
        {
            throw new InvalidDataException($"{data.Name}: rows from a file are not rendered in the docs");
        }
        var declared = content.Schemas.FindTable(data.Name) is { } schema ? SchemaConversion.ToRowSchema(schema) : null;
        var rows = (data.Rows ?? []).Select(row => (IReadOnlyDictionary<string, object?>)row.ToDictionary(
            kv => kv.Key,
            kv => Value(kv.Value, declared is not null && declared.Contains(kv.Key) ? declared[declared.IndexOf(kv.Key)].Kind : null),
            StringComparer.Ordinal));
        return TableReader.FromRecords(rows, declared);
    }

    /// <summary>Keeps rows with TimeGenerated in (now - lookback, now], the window a scheduled run reads.</summary>
    private static Table Cut(Table table, DateTime now, TimeSpan? lookback)
    {
        var index = table.Schema.IndexOf("TimeGenerated");
        if (lookback is not { } period || index < 0 || table.Schema[index].Kind != ScalarKind.DateTime)
        {
            return table;
        }
        var end = now.ToUniversalTime().Ticks;
        var keep = Enumerable.Range(0, table.RowCount)
            .Where(r => table.GetValue(r, index) is DateTime t && t.Ticks > end - period.Ticks && t.Ticks <= end)
            .ToArray();
        return table.Gather(keep);
    }

    /// <summary>A watchlist as _GetWatchlist returns it: string columns plus SearchKey, _DTItemId, LastUpdatedTimeUTC and WatchlistItem.</summary>
    private static Table Watchlist(CaseTable data)
    {
        var rows = data.Rows ?? [];
        var names = rows.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).Where(n => !WatchlistCatalog.SystemColumns.Contains(n)).ToList();
        var schema = new RowSchema(
        [
            new ColumnInfo("_DTItemId", ScalarKind.String),
            new ColumnInfo("LastUpdatedTimeUTC", ScalarKind.DateTime),
            new ColumnInfo("SearchKey", ScalarKind.String),
            new ColumnInfo("WatchlistItem", ScalarKind.Dynamic),
            .. names.Select(n => new ColumnInfo(n, ScalarKind.String)),
        ]);
        var records = rows.Select((row, i) =>
        {
            var values = names.ToDictionary(n => n, n => row.TryGetValue(n, out var node) ? Value(node, ScalarKind.String) : null, StringComparer.Ordinal);
            values["_DTItemId"] = row.TryGetValue("_DTItemId", out var id) ? Value(id, ScalarKind.String) : string.Create(CultureInfo.InvariantCulture, $"item-{i + 1}");
            values["SearchKey"] = row.TryGetValue("SearchKey", out var key) ? Value(key, ScalarKind.String) : null;
            values["WatchlistItem"] = new DynBag(row.Select(kv => new KeyValuePair<string, object?>(kv.Key, Value(kv.Value, ScalarKind.String))));
            return (IReadOnlyDictionary<string, object?>)values;
        });
        return TableReader.FromRecords(records, schema);
    }

    /// <summary>A YAML value for a column: text columns keep the text as written; plain scalars elsewhere are typed.</summary>
    private static object? Value(YamlNode node, ScalarKind? kind) => node switch
    {
        YamlScalar { IsNull: true } => null,
        YamlScalar s when kind == ScalarKind.String || s.Style != YamlScalarStyle.Plain => s.Value,
        YamlScalar s => Plain(s.Value),
        YamlSequence sequence => new DynArray(sequence.Items.Select(i => Value(i, null)).ToArray()),
        YamlMapping mapping => new DynBag(mapping.Entries.Select(e => new KeyValuePair<string, object?>(e.Key.Value, Value(e.Value, null)))),
        _ => null,
    };

    private static object Plain(string text) =>
        bool.TryParse(text, out var b) ? b
        : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Any(char.IsAsciiDigit) ? d
        : text;
}
