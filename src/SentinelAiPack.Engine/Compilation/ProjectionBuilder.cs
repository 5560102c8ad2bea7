using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation;

/// <summary>
/// Builds a <see cref="ProjectionPlan"/>: tracks the working table (input columns plus computed steps) so later
/// expressions see earlier ones by name, and the output column list.
/// </summary>
internal sealed class ProjectionBuilder(TabularPlan input, CompileContext context)
{
    private readonly List<ColumnInfo> _working = [.. input.Schema.Columns];
    private readonly List<ProjectionStep> _steps = [];
    private readonly List<(string Name, int Index)> _output = [];

    /// <summary>The row scalar expressions compile against: the latest column of each name is visible.</summary>
    public RowContext Row => new(new RowSchema(_working));

    public IReadOnlyList<(string Name, int Index)> Outputs => _output;

    /// <summary>Computes a new working column; an existing column of the same name is hidden from later expressions.</summary>
    public int Compute(string name, ScalarExpr expr)
    {
        for (var i = 0; i < _working.Count; i++)
        {
            if (_working[i].Name == name)
            {
                _working[i] = _working[i] with { Name = "\0hidden:" + i };
            }
        }
        _steps.Add(new ProjectionStep(name, expr));
        _working.Add(new ColumnInfo(name, expr.Kind));
        return _working.Count - 1;
    }

    public int IndexOf(string name) => Row.Schema.IndexOf(name);

    public void AddOutput(string name, int index) => _output.Add((name, index));

    public void OutputAll(IEnumerable<(string Name, int Index)> columns) => _output.AddRange(columns);

    public void ClearOutput() => _output.Clear();

    /// <summary>Compiles an item of an extend/project list: <c>name = expr</c>, or a bare expression named by the analyzer.</summary>
    public (string? Name, ScalarExpr Expr) Item(TreeNode item)
    {
        if (item.Kind == "SimpleNamedExpression")
        {
            var name = ScalarCompiler.NameText(item.Required("Name"));
            return (name, context.Scalars.Compile(item.Required("Expression"), Row));
        }
        if (item.Kind == "CompoundNamedExpression")
        {
            throw EngineCompileException.NotSupported("expression", "(a, b) = tuple assignment");
        }
        return (null, context.Scalars.Compile(item, Row));
    }

    /// <summary>The plan; output names come from the analyzer's result type where it matches (auto-generated names such as Column1).</summary>
    public TabularPlan Build(TreeNode node)
    {
        var analyzer = context.AnalyzerColumns(node);
        var columns = new List<ColumnInfo>();
        for (var i = 0; i < _output.Count; i++)
        {
            var (name, index) = _output[i];
            var kind = index < input.Schema.Count ? input.Schema[index].Kind : _steps[index - input.Schema.Count].Expr.Kind;
            if (analyzer is not null && analyzer.Count == _output.Count)
            {
                name = analyzer[i].Name;
            }
            columns.Add(new ColumnInfo(name, kind));
        }
        return new ProjectionPlan(input, _steps, _output.Select(o => o.Index).ToArray(), new RowSchema(columns));
    }
}
