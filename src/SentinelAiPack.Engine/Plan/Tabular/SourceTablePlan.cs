using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>
/// A table read by name. The data the caller gives is conformed to the schema the query was analyzed with:
/// columns are matched by name and converted to the declared kinds; declared columns without data are null.
/// </summary>
internal sealed class SourceTablePlan(string name, RowSchema declared) : TabularPlan(declared)
{
    public string Name { get; } = name;

    public override Table Execute(RunState run)
    {
        var context = run.Context;
        if (!context.Tables.TryGetValue(Name, out var data))
        {
            if (context.EmptyTableSchemas.TryGetValue(Name, out var emptySchema))
            {
                return Schema.Count > 0 ? Table.Empty(Schema) : Table.Empty(emptySchema);
            }
            throw new EngineRuntimeException($"no data was given for table '{Name}'");
        }
        return Schema.Count == 0 ? data : TableConform.To(data, Schema);
    }
}
