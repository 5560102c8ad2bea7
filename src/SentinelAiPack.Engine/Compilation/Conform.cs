using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Compilation;

/// <summary>Aligns a plan's output with the analyzer's view of the result: names, and kinds where the analyzer knows them.</summary>
internal static class Conform
{
    public static TabularPlan To(TabularPlan plan, IReadOnlyList<(string Name, ScalarKind? Kind)>? analyzer)
    {
        if (analyzer is null || analyzer.Count != plan.Schema.Count)
        {
            return plan;
        }
        var columns = new ColumnInfo[analyzer.Count];
        var changed = false;
        for (var i = 0; i < columns.Length; i++)
        {
            var own = plan.Schema[i];
            columns[i] = new ColumnInfo(analyzer[i].Name, analyzer[i].Kind ?? own.Kind);
            changed |= columns[i] != own;
        }
        return changed ? new ConformPlan(plan, new RowSchema(columns)) : plan;
    }
}
