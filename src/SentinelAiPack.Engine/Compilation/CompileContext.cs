using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation;

/// <summary>State shared by the compilers while one tree is compiled.</summary>
internal sealed class CompileContext
{
    public CompileContext(ExportedTree tree, CompileOptions options)
    {
        Tree = tree;
        Options = options;
        Scope = Scope.Root();
        Scalars = new ScalarCompiler(this);
        Tabular = new TabularCompiler(this);
    }

    public ExportedTree Tree { get; }

    public CompileOptions Options { get; }

    public Scope Scope { get; set; }

    public ScalarCompiler Scalars { get; }

    public TabularCompiler Tabular { get; }

    /// <summary>Names of tables the plan reads (for callers that load data or apply lookback filters).</summary>
    public HashSet<string> TablesRead { get; } = new(StringComparer.Ordinal);

    /// <summary>The analyzer's tabular result type of a node as a schema, or null when it is not tabular.</summary>
    public RowSchema? AnalyzerSchema(TreeNode node)
    {
        var index = node.SchemaIndex;
        if (index < 0 || index >= Tree.Schemas.Count)
        {
            return null;
        }
        return new RowSchema(Tree.Schemas[index].Select(c => new ColumnInfo(c[0], ScalarKinds.FromName(c.Count > 1 ? c[1] : null))));
    }

    /// <summary>The analyzer's result columns of a tabular node: names, and kinds where the analyzer knows the type.</summary>
    public IReadOnlyList<(string Name, ScalarKind? Kind)>? AnalyzerColumns(TreeNode node)
    {
        var index = node.SchemaIndex;
        if (index < 0 || index >= Tree.Schemas.Count)
        {
            return null;
        }
        return Tree.Schemas[index]
            .Select(c => (c[0], ScalarKinds.IsKnownName(c.Count > 1 ? c[1] : null) ? ScalarKinds.FromName(c[1]) : (ScalarKind?)null))
            .ToArray();
    }

    /// <summary>The analyzer's scalar result kind, or null when it gave none (or unknown/error).</summary>
    public static ScalarKind? AnalyzerKind(TreeNode node)
    {
        var name = node.ScalarTypeName;
        return ScalarKinds.IsKnownName(name) ? ScalarKinds.FromName(name) : null;
    }

    /// <summary>Runs <paramref name="body"/> in a new scope.</summary>
    public T InScope<T>(Scope scope, Func<T> body)
    {
        var saved = Scope;
        Scope = scope;
        try
        {
            return body();
        }
        finally
        {
            Scope = saved;
        }
    }
}
