using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Telemetry.SampleData.Output;

/// <summary>
/// One <c>&lt;Table&gt;.jsonl</c> per table under the output folder. Rows stream straight to disk through a small
/// buffer per table, so memory does not grow with the amount of traffic. Every table of the schema set gets a file,
/// empty when nothing was written to it.
/// </summary>
public sealed class TableSink : IDisposable
{
    private readonly string _outDir;
    private readonly string _workspaceId;
    private readonly Dictionary<string, TableSchema> _schemas;
    private readonly Dictionary<string, RowWriter> _writers = new(StringComparer.Ordinal);
    private bool _disposed;

    public TableSink(string outDir, IEnumerable<TableSchema> schemas, string workspaceId)
    {
        _outDir = outDir;
        _workspaceId = workspaceId;
        _schemas = schemas.ToDictionary(s => s.Name, StringComparer.Ordinal);
        Directory.CreateDirectory(outDir);
    }

    /// <summary>Starts a row of <paramref name="table"/> at <paramref name="timeGenerated"/>; finish it with <see cref="RowWriter.End"/>.</summary>
    public RowWriter Row(string table, DateTime timeGenerated)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_writers.TryGetValue(table, out var writer))
        {
            var schema = _schemas.GetValueOrDefault(table) ?? throw new InvalidOperationException($"no schema for table '{table}'");
            writer = new RowWriter(schema, Open(table), _workspaceId);
            _writers.Add(table, writer);
        }

        return writer.Begin(timeGenerated);
    }

    /// <summary>Rows written per table, every table included, ordered by name.</summary>
    public IReadOnlyList<(string Table, long Rows)> Counts =>
        [.. _schemas.Keys.Order(StringComparer.Ordinal).Select(t => (t, _writers.TryGetValue(t, out var w) ? w.Rows : 0L))];

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var writer in _writers.Values)
        {
            writer.Dispose();
        }

        foreach (var table in _schemas.Keys.Where(t => !_writers.ContainsKey(t)))
        {
            Open(table).Dispose();
        }
    }

    private FileStream Open(string table) =>
        new(Path.Combine(_outDir, table + ".jsonl"), FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
}
