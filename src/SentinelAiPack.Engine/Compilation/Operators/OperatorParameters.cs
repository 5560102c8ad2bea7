using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary>Named operator parameters such as <c>kind=inner</c>, <c>withsource=T</c>, <c>with_itemindex=i</c>.</summary>
internal static class OperatorParameters
{
    /// <summary>The value text of a named parameter (case-insensitive name), or null when absent.</summary>
    public static string? Get(TreeNode node, string name)
    {
        foreach (var parameter in node.ListItems("Parameters"))
        {
            if (parameter.Kind != "NamedParameter")
            {
                continue;
            }
            var parameterName = string.Concat(parameter.Required("Name").Tokens().Select(t => t.Text));
            if (!parameterName.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var value = parameter.Required("Expression");
            if (value.HasLiteralValue && value.Value.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                return value.Value.GetString();
            }
            return ScalarCompiler.NameText(value);
        }
        return null;
    }

    /// <summary>Parameter names the engine does not understand and that change results; hints (hint.*) are ignored.</summary>
    public static IEnumerable<string> Names(TreeNode node) =>
        node.ListItems("Parameters").Where(p => p.Kind == "NamedParameter")
            .Select(p => string.Concat(p.Required("Name").Tokens().Select(t => t.Text)));
}
