using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary>
/// The key pairs of a join/lookup <c>on</c> clause: <c>on a, b</c> (same names on both sides) or
/// <c>on $left.a == $right.b</c> (joined by commas or <c>and</c>). Both keys of a pair are compared as one kind.
/// </summary>
internal static class JoinKeys
{
    public static (List<ScalarExpr> Left, List<ScalarExpr> Right, List<string> RightNames) Compile(
        IReadOnlyList<TreeNode> items, RowSchema left, RowSchema right, CompileContext context)
    {
        var leftKeys = new List<ScalarExpr>();
        var rightKeys = new List<ScalarExpr>();
        var rightNames = new List<string>();
        foreach (var item in items.SelectMany(Flatten))
        {
            string leftName, rightName;
            if (item.Kind is "NameReference" or "BracketedExpression")
            {
                leftName = rightName = ScalarCompiler.NameText(item);
            }
            else if (item.Kind == "EqualExpression")
            {
                var (a, aSide) = Side(item.Required("Left"));
                var (b, bSide) = Side(item.Required("Right"));
                if (aSide == bSide)
                {
                    throw EngineCompileException.NotSupported("join condition", item.SourceText());
                }
                (leftName, rightName) = aSide == "$left" ? (a, b) : (b, a);
            }
            else
            {
                throw EngineCompileException.NotSupported("join condition", item.SourceText());
            }
            var l = Column(left, leftName, "$left", context);
            var r = Column(right, rightName, "$right", context);
            var domain = ScalarCompiler.ComparisonDomain(l.Kind, r.Kind) ?? (l.Kind == ScalarKind.Int ? ScalarKind.Long : l.Kind);
            leftKeys.Add(context.Scalars.Coerce(l, domain));
            rightKeys.Add(context.Scalars.Coerce(r, domain));
            rightNames.Add(rightName);
        }
        return (leftKeys, rightKeys, rightNames);
    }

    private static IEnumerable<TreeNode> Flatten(TreeNode item) =>
        item.Kind == "AndExpression" ? Flatten(item.Required("Left")).Concat(Flatten(item.Required("Right"))) : [item];

    private static (string Column, string Side) Side(TreeNode operand)
    {
        if (operand.Kind == "PathExpression")
        {
            var side = ScalarCompiler.NameText(operand.Required("Expression"));
            if (side is "$left" or "$right")
            {
                return (ScalarCompiler.NameText(operand.Required("Selector")), side);
            }
        }
        throw EngineCompileException.NotSupported("join condition", operand.SourceText());
    }

    private static ScalarExpr Column(RowSchema schema, string name, string side, CompileContext context)
    {
        var index = schema.IndexOf(name);
        if (index < 0 && context.Options.Lenient)
        {
            // engine-support: a column of a table the pack has no schema for.
            return new ConstantExpr(ScalarKind.Dynamic, null);
        }
        if (index < 0)
        {
            throw new EngineCompileException($"join key '{name}' is not a column of {side}");
        }
        return new ColumnRefExpr(index, schema[index].Kind, name);
    }
}
