using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>Renames and converts a plan's columns to the analyzer's view of the result (same column count).</summary>
internal sealed class ConformPlan(TabularPlan inner, RowSchema schema) : TabularPlan(schema)
{
    public override Table Execute(RunState run)
    {
        var table = inner.Execute(run);
        var sources = new Func<Column>[Schema.Count];
        for (var i = 0; i < Schema.Count; i++)
        {
            var source = table.ColumnSource(i);
            var kind = Schema[i].Kind;
            sources[i] = () => ColumnFactory.Convert(source(), kind);
        }
        return new Table(Schema, table.RowCount, sources);
    }
}
