using System.Text.RegularExpressions;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary>Column name lists with wildcards (<c>project-away Col*</c>): which input columns each pattern selects.</summary>
internal static class ColumnPatterns
{
    /// <summary>The pattern an item spells, e.g. <c>Account*</c> or <c>['Name']</c> → <c>Name</c>.</summary>
    public static string Text(TreeNode item)
    {
        var node = item.Kind == "OrderedExpression" ? item.Required("Expression") : item;
        if (node.Tokens().Any(t => t.Kind == "StringLiteralToken"))
        {
            return ScalarCompiler.NameText(node);
        }
        return string.Concat(node.Tokens().Select(t => t.Text));
    }

    /// <summary>Indexes of the columns a pattern matches, in schema order.</summary>
    public static IEnumerable<int> Match(RowSchema schema, string pattern)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            var index = schema.IndexOf(pattern);
            return index >= 0 ? [index] : [];
        }
        var regex = new Regex("^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant);
        return Enumerable.Range(0, schema.Count).Where(i => regex.IsMatch(schema[i].Name));
    }
}
