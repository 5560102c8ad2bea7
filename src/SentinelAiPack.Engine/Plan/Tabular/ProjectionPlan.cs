using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>A computed column: evaluated over the working table (input columns plus earlier steps).</summary>
internal sealed record ProjectionStep(string Name, ScalarExpr Expr);

/// <summary>
/// extend / project and their variants: computes <see cref="Steps"/> one after another (later expressions may
/// read earlier ones, as in Kusto), then outputs the working-table columns listed in <see cref="Output"/>.
/// Columns passed through are shared, not copied. Columns an open input has beyond its declared ones (watchlists)
/// stay visible to <c>column_ifexists</c> after the computed ones, without shifting any compiled position.
/// </summary>
internal sealed class ProjectionPlan(TabularPlan input, IReadOnlyList<ProjectionStep> steps, IReadOnlyList<int> output, RowSchema schema)
    : TabularPlan(schema)
{
    private readonly int _declared = input.Schema.Count;

    public IReadOnlyList<ProjectionStep> Steps { get; } = steps;

    public IReadOnlyList<int> Output { get; } = output;

    public override Table Execute(RunState run)
    {
        var table = input.Execute(run);
        var sources = new List<Func<Column>>(table.Schema.Count + Steps.Count);
        var columns = new List<ColumnInfo>();
        for (var i = 0; i < _declared; i++)
        {
            sources.Add(table.ColumnSource(i));
            columns.Add(table.Schema[i]);
        }
        var extraSources = Enumerable.Range(_declared, table.Schema.Count - _declared).Select(table.ColumnSource).ToArray();
        var extraColumns = table.Schema.Columns.Skip(_declared).ToArray();
        var working = table;
        foreach (var step in Steps)
        {
            var column = Evaluation.Full(step.Expr, working, run);
            sources.Add(() => column);
            columns.Add(new ColumnInfo(step.Name, column.Kind));
            working = new Table(new RowSchema(columns.Concat(extraColumns)), table.RowCount, [.. sources, .. extraSources]);
        }
        var outputSources = Output.Select(i => sources[i]).ToArray();
        return new Table(Schema, table.RowCount, outputSources);
    }
}
