using SentinelAiPack.Engine.Compilation;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Functions;

/// <summary>
/// Functions that return several columns (<c>extend (a, b) = series_stats(x)</c>, or <c>extend series_stats(x)</c>):
/// each is computed as its <c>_dynamic</c> form's property bag and split into one column per member, in order.
/// </summary>
internal static class MultiColumnFunctions
{
    private static readonly Dictionary<string, (string Dynamic, string[] Members)> Functions = new(StringComparer.Ordinal)
    {
        ["series_stats"] = ("series_stats_dynamic", ["min", "min_idx", "max", "max_idx", "avg", "stdev", "variance"]),
        ["series_fit_line"] = ("series_fit_line_dynamic", ["rsquare", "slope", "variance", "rvariance", "interception", "line_fit"]),
    };

    /// <summary>The call's columns as expressions (kinds from the analyzer's tuple type), or a refusal naming the function.</summary>
    public static IReadOnlyList<ScalarExpr> Compile(TreeNode call, RowContext row, CompileContext context)
    {
        var name = call.Symbol?.Name ?? ScalarCompiler.NameText(call.Required("Name"));
        if (call.Kind != "FunctionCallExpression" || !Functions.TryGetValue(name, out var form))
        {
            throw EngineCompileException.NotSupported("function", name + " (several result columns)");
        }
        var args = call.Child("ArgumentList")?.ListItems("Expressions") ?? [];
        if (!context.Options.Functions.TryGet(form.Dynamic, out var binder))
        {
            throw EngineCompileException.NotSupported("function", form.Dynamic);
        }
        var bag = binder(new FunctionCall(form.Dynamic, call, args, ScalarKind.Dynamic, context, row));
        var columns = context.AnalyzerColumns(call);
        return form.Members.Select((member, i) =>
        {
            ScalarExpr part = new DynamicAccessExpr(bag, value => DynamicAccess.Member(value, member));
            var kind = columns is not null && i < columns.Count ? columns[i].Kind : null;
            return kind is { } k ? context.Scalars.Coerce(part, k) : part;
        }).ToArray();
    }
}
