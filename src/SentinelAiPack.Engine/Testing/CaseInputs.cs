using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Testing;

/// <summary>Turns a case's data into the tables a run reads: typed by the table schemas, cut to the lookback.</summary>
internal sealed class CaseInputs(SchemaSet schemas, IReadOnlyDictionary<string, RowSchema> emptyTables)
{
    /// <summary>Columns every watchlist has (Sentinel adds them); the watchlist's own columns are strings.</summary>
    private static readonly string[] WatchlistSystemColumns = ["_DTItemId", "LastUpdatedTimeUTC", "SearchKey", "WatchlistItem"];

    public EvaluationContext Build(RuleTestFile file, RuleTestCase testCase, DateTime now, TimeSpan? lookback, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file.FilePath))!;
        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var data in testCase.Data)
        {
            var declared = schemas.FindTable(data.Name) is { } schema ? SchemaConversion.ToRowSchema(schema) : null;
            var name = schemas.FindTable(data.Name)?.Name ?? data.Name;
            var table = Load(data, declared, folder);
            tables[name] = lookback is { } period ? Lookback(table, now, period) : table;
        }
        var watchlists = new Dictionary<string, Table>(StringComparer.OrdinalIgnoreCase);
        foreach (var list in file.Watchlists.Concat(testCase.Watchlists))
        {
            watchlists[list.Name] = Watchlist(list, folder);
        }
        var external = testCase.ExternalData.ToDictionary(e => e.Name, e => Load(e, null, folder), StringComparer.Ordinal);
        return new EvaluationContext
        {
            Now = now,
            Tables = tables,
            EmptyTableSchemas = emptyTables,
            Watchlists = watchlists,
            ExternalData = new InMemoryExternalData(external),
            Cancellation = cancellationToken,
        };
    }

    private static Table Load(CaseTable data, RowSchema? declared, string folder)
    {
        if (data.File is { } file)
        {
            var path = Path.GetFullPath(Path.Combine(folder, file));
            var format = TableReader.FormatOf(path) ?? throw new CaseDataException($"{data.Name}: '{file}' is not a .json, .jsonl, .csv or .tsv file");
            if (!File.Exists(path))
            {
                throw new CaseDataException($"{data.Name}: the file '{file}' does not exist");
            }
            using var reader = new StreamReader(path);
            try
            {
                return TableReader.Read(reader, format, declared);
            }
            catch (InvalidDataException e)
            {
                throw new CaseDataException($"{data.Name}: '{file}': {e.Message}");
            }
        }
        var rows = data.Rows ?? [];
        if (declared is not null)
        {
            foreach (var column in rows.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).Where(c => !declared.Contains(c)))
            {
                throw new CaseDataException($"{data.Name}: '{column}' is not a column of the table's schema (columns: {string.Join(", ", declared.Columns.Select(c => c.Name))})");
            }
            var records = rows.Select(r => (IReadOnlyDictionary<string, object?>)r.ToDictionary(
                kv => kv.Key, kv => YamlValues.ToValue(kv.Value, declared[declared.IndexOf(kv.Key)].Kind), StringComparer.Ordinal));
            return TableReader.FromRecords(records, declared);
        }
        return TableReader.FromRecords(rows.Select(r => (IReadOnlyDictionary<string, object?>)r.ToDictionary(kv => kv.Key, kv => YamlValues.ToValue(kv.Value), StringComparer.Ordinal)), null);
    }

    /// <summary>Watchlist rows as Sentinel returns them: string columns, SearchKey, and WatchlistItem holding the whole row.</summary>
    private static Table Watchlist(CaseTable data, string folder)
    {
        var rows = data.Rows ?? [];
        if (data.File is not null)
        {
            var loaded = Load(data, null, folder);
            return loaded;
        }
        var names = rows.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).Where(n => !WatchlistSystemColumns.Contains(n)).ToList();
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
            var values = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["_DTItemId"] = row.TryGetValue("_DTItemId", out var id) ? YamlValues.ToValue(id, ScalarKind.String) : $"item-{i + 1}",
                ["SearchKey"] = row.TryGetValue("SearchKey", out var key) ? YamlValues.ToValue(key, ScalarKind.String) : null,
            };
            foreach (var name in names)
            {
                values[name] = row.TryGetValue(name, out var node) ? YamlValues.ToValue(node, ScalarKind.String) : null;
            }
            values["WatchlistItem"] = new DynBag(row.Where(kv => kv.Key != "WatchlistItem")
                .Select(kv => new KeyValuePair<string, object?>(kv.Key, YamlValues.ToValue(kv.Value, ScalarKind.String))));
            return (IReadOnlyDictionary<string, object?>)values;
        });
        return TableReader.FromRecords(records, schema);
    }

    /// <summary>Keeps rows with TimeGenerated in (now - period, now], the window a scheduled rule's run reads.</summary>
    public static Table Lookback(Table table, DateTime now, TimeSpan period)
    {
        var index = table.Schema.IndexOf("TimeGenerated");
        if (index < 0 || table.Schema[index].Kind != ScalarKind.DateTime)
        {
            return table;
        }
        var column = (Column<long>)table.Column(index);
        var end = now.ToUniversalTime().Ticks;
        var start = end - period.Ticks;
        var rows = new List<int>();
        for (var r = 0; r < table.RowCount; r++)
        {
            if (!column.IsNull(r) && column[r] > start && column[r] <= end)
            {
                rows.Add(r);
            }
        }
        return table.Gather(rows.ToArray());
    }
}

/// <summary>A case's data cannot be turned into tables (an unknown column, a missing file).</summary>
internal sealed class CaseDataException(string message) : Exception(message);
