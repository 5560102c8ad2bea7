using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Engine.Tree;

/// <summary>
/// Exports trees with one script host of its own (calls are serialized). The schema set's tables travel with each
/// request as ad-hoc tables; its functions are not registered, so use the pooled analyzer for queries that call
/// workspace functions.
/// </summary>
public sealed class HostTreeSource(IKqlScriptHost host) : IKqlTreeSource, IDisposable
{
    private readonly Lock _gate = new();

    public Task<ExportedTree> ExportAsync(string text, SchemaSet? schemas, IReadOnlyList<TableSchema>? extraTables, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var tables = (schemas?.Tables ?? []).Concat(extraTables ?? []).ToArray();
        string json;
        lock (_gate)
        {
            json = host.Call("exportTree", TreeJson.Request(text, null, tables));
        }
        return Task.FromResult(TreeJson.Parse(json, text));
    }

    public void Dispose() => host.Dispose();
}
