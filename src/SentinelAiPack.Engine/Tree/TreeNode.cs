using System.Text.Json;
using System.Text.Json.Serialization;

namespace SentinelAiPack.Engine.Tree;

/// <summary>
/// One node of the analyzer's bound syntax tree as exported by the shim (<c>Shim/50-tree.js</c>).
/// Property names are the shim's compact keys; see that file for the format.
/// </summary>
public sealed class TreeNode
{
    /// <summary>The SyntaxKind name, e.g. <c>FilterOperator</c>, <c>IdentifierToken</c>.</summary>
    [JsonPropertyName("k")] public string Kind { get; init; } = "";

    /// <summary>The child role name the parent gave this node (<c>SyntaxNode.GetName(i)</c>), e.g. <c>Condition</c>.</summary>
    [JsonPropertyName("r")] public string? Role { get; init; }

    /// <summary>Token text (tokens only).</summary>
    [JsonPropertyName("t")] public string? Text { get; init; }

    /// <summary>Result type: a scalar type name (string) or an index into <see cref="ExportedTree.Schemas"/> (number).</summary>
    [JsonPropertyName("ty")] public JsonElement Type { get; init; }

    /// <summary>Literal value of a literal expression (absent on other nodes).</summary>
    [JsonPropertyName("v")] public JsonElement Value { get; init; }

    [JsonPropertyName("s")] public TreeSymbol? Symbol { get; init; }

    [JsonPropertyName("c")] public IReadOnlyList<TreeNode>? Children { get; init; }

    /// <summary>The bound expansion (function body) of a call to a user-defined or database function.</summary>
    [JsonPropertyName("x")] public TreeNode? Expansion { get; init; }

    /// <summary>With <see cref="Expansion"/>: the called function's parameters in order.</summary>
    [JsonPropertyName("p")] public IReadOnlyList<TreeParameter>? Parameters { get; init; }

    [JsonIgnore] public bool IsToken => Text is not null;

    [JsonIgnore] public IReadOnlyList<TreeNode> Nodes => Children ?? [];

    [JsonIgnore] public bool HasLiteralValue => Value.ValueKind != JsonValueKind.Undefined;

    /// <summary>The first child with the given role, or null.</summary>
    public TreeNode? Child(string role)
    {
        foreach (var child in Nodes)
        {
            if (child.Role == role)
            {
                return child;
            }
        }
        return null;
    }

    /// <summary>The first child with the given role; fails when the tree does not have it.</summary>
    public TreeNode Required(string role) =>
        Child(role) ?? throw new EngineCompileException($"'{Kind}' has no '{role}' part");

    /// <summary>The elements of a <c>List</c>/<c>SeparatedList</c> child, with <c>SeparatedElement</c> wrappers removed.</summary>
    public IReadOnlyList<TreeNode> ListItems(string role)
    {
        var list = Child(role);
        return list is null ? [] : list.Elements();
    }

    /// <summary>This node's items when it is a list: separators and wrappers removed.</summary>
    public IReadOnlyList<TreeNode> Elements()
    {
        var items = new List<TreeNode>();
        foreach (var child in Nodes)
        {
            if (child.Kind == "SeparatedElement")
            {
                var element = child.Nodes.FirstOrDefault(n => !n.IsToken || n.Kind != "CommaToken");
                if (element is not null)
                {
                    items.Add(element);
                }
            }
            else if (!(child.IsToken && child.Kind == "CommaToken"))
            {
                items.Add(child);
            }
        }
        return items;
    }

    /// <summary>All tokens under this node, in order.</summary>
    public IEnumerable<TreeNode> Tokens()
    {
        if (IsToken)
        {
            yield return this;
            yield break;
        }
        foreach (var child in Nodes)
        {
            foreach (var token in child.Tokens())
            {
                yield return token;
            }
        }
    }

    /// <summary>The source text of this node rebuilt from its tokens (single spaces), for messages and names.</summary>
    public string SourceText() => string.Join(" ", Tokens().Select(t => t.Text).Where(t => t!.Length > 0));

    /// <summary>The scalar type name when the result type is scalar, else null.</summary>
    [JsonIgnore] public string? ScalarTypeName => Type.ValueKind == JsonValueKind.String ? Type.GetString() : null;

    /// <summary>The index of the tabular result schema, or -1 when the result is not tabular.</summary>
    [JsonIgnore] public int SchemaIndex => Type.ValueKind == JsonValueKind.Number ? Type.GetInt32() : -1;

    public override string ToString() => IsToken ? $"{Kind} '{Text}'" : Kind;
}

/// <summary>A parameter of a called user/database function: name, default value expression, tabular or not.</summary>
public sealed class TreeParameter
{
    [JsonPropertyName("n")] public string Name { get; init; } = "";

    [JsonPropertyName("d")] public TreeNode? Default { get; init; }

    [JsonPropertyName("tab")] public bool IsTabular { get; init; }
}
