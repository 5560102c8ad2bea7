using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>A computed column: evaluated over the working table (input columns plus earlier steps).</summary>
internal sealed record ProjectionStep(string Name, ScalarExpr Expr);

/// <summary>
/// extend / project and their variants: computes <see cref="Steps"/> one after another (later expressions may
/// read earlier ones, as in Kusto), then outputs the working-table columns listed in <see cref="Output"/>.
/// Columns passed through are shared, not copied.
/// </summary>
internal sealed class ProjectionPlan(TabularPlan input, IReadOnlyList<ProjectionStep> steps, IReadOnlyList<int> output, RowSchema schema)
    : TabularPlan(schema)
{
    public IReadOnlyList<ProjectionStep> Steps { get; } = steps;

    public IReadOnlyList<int> Output { get; } = output;

    public override Table Execute(RunState run)
    {
        var table = input.Execute(run);
        var sources = new List<Func<Column>>(table.Schema.Count + Steps.Count);
        for (var i = 0; i < table.Schema.Count; i++)
        {
            sources.Add(table.ColumnSource(i));
        }
        var working = table;
        var columns = new List<ColumnInfo>(table.Schema.Columns);
        foreach (var step in Steps)
        {
            var column = Evaluation.Full(step.Expr, working, run);
            sources.Add(() => column);
            columns.Add(new ColumnInfo(step.Name, column.Kind));
            working = new Table(new RowSchema(columns), table.RowCount, sources);
        }
        var outputSources = Output.Select(i => sources[i]).ToArray();
        return new Table(Schema, table.RowCount, outputSources);
    }
}
