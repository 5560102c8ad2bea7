using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>externaldata: the rows of each URI's local copy (see <see cref="IExternalDataSource"/>), in the declared schema.</summary>
internal sealed class ExternalDataPlan(IReadOnlyList<string> uris, TableFormat format, RowSchema schema) : TabularPlan(schema)
{
    public override Table Execute(RunState run)
    {
        var parts = new List<Table>();
        foreach (var uri in uris)
        {
            var table = run.Context.ExternalData?.Read(uri, Schema, format)
                ?? throw new EngineRuntimeException(
                    $"externaldata: no local copy of '{uri}' was given (the engine does not fetch URLs; aipack run --data DIR reads '{FolderExternalData.FileName(uri)}' from DIR)");
            parts.Add(table);
        }
        if (parts.Count == 1)
        {
            return parts[0];
        }
        return new Table(Schema, Enumerable.Range(0, Schema.Count)
            .Select(c => ColumnConcat.Concat(Schema[c].Kind, parts.Select(p => p.Column(c)).ToArray())).ToArray());
    }
}
