using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation;

/// <summary>The columns a scalar expression can read: the operator's input row, and for join conditions the two sides.</summary>
internal sealed class RowContext(RowSchema schema)
{
    public static RowContext None { get; } = new(RowSchema.Empty);

    public RowSchema Schema { get; } = schema;

    /// <summary>Join conditions: columns of $left are the row's first columns, $right's follow at <see cref="RightOffset"/>.</summary>
    public RowSchema? Left { get; init; }

    public RowSchema? Right { get; init; }

    public int RightOffset { get; init; }

    /// <summary>Sub-expressions already computed elsewhere (aggregate calls inside a summarize expression), by node.</summary>
    public IReadOnlyDictionary<TreeNode, Plan.Scalars.ScalarExpr>? Substitutions { get; init; }
}
