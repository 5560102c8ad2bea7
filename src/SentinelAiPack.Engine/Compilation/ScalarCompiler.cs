using System.Globalization;
using System.Text.Json;
using SentinelAiPack.Engine.Functions;
using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation;

/// <summary>Compiles scalar expression nodes of the bound tree into <see cref="ScalarExpr"/>s.</summary>
internal sealed class ScalarCompiler(CompileContext context)
{
    private static readonly RunState CompileTimeRun = new(new EvaluationContext());

    /// <summary>Compiles an expression; its kind is the analyzer's result type where the analyzer knows it.</summary>
    public ScalarExpr Compile(TreeNode node, RowContext row)
    {
        // Deeply nested expressions (a + a + ... thousands of times) must fail cleanly, not overflow the stack.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (row.Substitutions is { } substitutions && substitutions.TryGetValue(node, out var substitute))
        {
            return substitute;
        }
        var expr = CompileNode(node, row);
        if (CompileContext.AnalyzerKind(node) is { } kind && kind != expr.Kind)
        {
            expr = Coerce(expr, kind);
        }
        return Fold(expr);
    }

    /// <summary>Converts to a kind (constants are converted at compile time).</summary>
    public ScalarExpr Coerce(ScalarExpr expr, ScalarKind kind) =>
        expr.Kind == kind ? expr : Fold(new ConvertExpr(expr, kind));

    /// <summary>Evaluates constant sub-expressions once, at compile time.</summary>
    public static ScalarExpr Fold(ScalarExpr expr)
    {
        if (expr is ConstantExpr || !expr.IsConstant)
        {
            return expr;
        }
        return new ConstantExpr(expr.Kind, expr.Evaluate(Batch.SingleRow(CompileTimeRun)).GetValue(0));
    }

    private ScalarExpr CompileNode(TreeNode node, RowContext row)
    {
        switch (node.Kind)
        {
            case "ParenthesizedExpression":
            case "SimpleNamedExpression":
                return Compile(node.Required("Expression"), row);
            case "BooleanLiteralExpression":
            case "IntLiteralExpression":
            case "LongLiteralExpression":
            case "RealLiteralExpression":
            case "DecimalLiteralExpression":
            case "DateTimeLiteralExpression":
            case "TimespanLiteralExpression":
            case "GuidLiteralExpression":
            case "StringLiteralExpression":
            case "CompoundStringLiteralExpression":
            case "NullLiteralExpression":
                return Literals.Compile(node);
            case "TypeOfLiteralExpression":
                // typeof(T) arguments (extract(..., typeof(real))): the type name; the analyzer already typed the call.
                return new ConstantExpr(ScalarKind.String, node.Tokens().Select(t => t.Text).LastOrDefault(t => t is not ("typeof" or "")) ?? "");
            case "DynamicExpression":
                return new ConstantExpr(ScalarKind.Dynamic, Literals.Dynamic(node.Required("Expression")));
            case "NameReference":
            case "BracketedExpression":
                return Name(node, row);
            case "PathExpression":
                return Path(node, row);
            case "ElementExpression":
                return Element(node, row);
            case "FunctionCallExpression":
                return Call(node, row);
            case "ToScalarExpression":
                return ToScalar(node, row);
            case "UnaryMinusExpression":
                return new NegateExpr(Compile(node.Required("Expression"), row));
            case "UnaryPlusExpression":
                return Compile(node.Required("Expression"), row);
            case "AddExpression":
                return Arithmetic(ArithmeticOp.Add, node, row);
            case "SubtractExpression":
                return Arithmetic(ArithmeticOp.Subtract, node, row);
            case "MultiplyExpression":
                return Arithmetic(ArithmeticOp.Multiply, node, row);
            case "DivideExpression":
                return Arithmetic(ArithmeticOp.Divide, node, row);
            case "ModuloExpression":
                return Arithmetic(ArithmeticOp.Modulo, node, row);
            case "EqualExpression":
                return Comparison(ComparisonOp.Equal, node, row);
            case "NotEqualExpression":
                return Comparison(ComparisonOp.NotEqual, node, row);
            case "LessThanExpression":
                return Comparison(ComparisonOp.Less, node, row);
            case "LessThanOrEqualExpression":
                return Comparison(ComparisonOp.LessOrEqual, node, row);
            case "GreaterThanExpression":
                return Comparison(ComparisonOp.Greater, node, row);
            case "GreaterThanOrEqualExpression":
                return Comparison(ComparisonOp.GreaterOrEqual, node, row);
            case "AndExpression":
                return new LogicalExpr(true, Bool(node.Required("Left"), row), Bool(node.Required("Right"), row));
            case "OrExpression":
                return new LogicalExpr(false, Bool(node.Required("Left"), row), Bool(node.Required("Right"), row));
            case "BetweenExpression":
            case "NotBetweenExpression":
                return Between(node, row, negate: node.Kind == "NotBetweenExpression");
            case "InExpression":
            case "InCsExpression":
            case "NotInExpression":
            case "NotInCsExpression":
                return In(node, row, SetOp.In);
            case "HasAnyExpression":
                return In(node, row, SetOp.HasAny);
            case "HasAllExpression":
                return In(node, row, SetOp.HasAll);
        }
        if (StringOperators.TryGet(node.Kind, out var stringOp))
        {
            return StringPredicate(node, row, stringOp);
        }
        throw EngineCompileException.NotSupported("expression", Describe(node));
    }

    private static string Describe(TreeNode node) =>
        node.Child("Operator") is { IsToken: true } op ? op.Text! : node.Kind.Replace("Expression", "", StringComparison.Ordinal);

    private ScalarExpr Bool(TreeNode node, RowContext row) => Coerce(Compile(node, row), ScalarKind.Bool);

    // ---- names ------------------------------------------------------------------------------------------------

    private ScalarExpr Name(TreeNode node, RowContext row)
    {
        var symbol = node.Symbol;
        var name = symbol?.Name ?? NameText(node);
        switch (symbol?.Kind)
        {
            case "Column":
                return ColumnRef(name, row, node);
            case "Variable":
            case "Parameter":
                return Variable(name, node);
            case "Function" when node.Expansion is not null:
                return ScalarExpansion(node, [], row);
            case "Function":
                return Call(node, row);
        }
        if (context.Options.Lenient)
        {
            return row.Schema.IndexOf(name) is var i and >= 0
                ? new ColumnRefExpr(i, row.Schema[i].Kind, name)
                : new ConstantExpr(ScalarKind.Dynamic, null);
        }
        throw new EngineCompileException($"the name '{name}' does not refer to a column or scalar value");
    }

    /// <summary>The identifier a name node spells (bracketed names give their string value).</summary>
    public static string NameText(TreeNode node)
    {
        foreach (var token in node.Tokens())
        {
            if (token.Kind == "StringLiteralToken")
            {
                return token.Value.ValueKind == JsonValueKind.String ? token.Value.GetString()! : token.Text!.Trim('\'', '"');
            }
        }
        return node.Tokens().FirstOrDefault(t => t.Text!.Length > 0)?.Text ?? "";
    }

    public ScalarExpr ColumnRef(string name, RowContext row, TreeNode? at = null)
    {
        var index = row.Schema.IndexOf(name);
        if (index >= 0)
        {
            return new ColumnRefExpr(index, row.Schema[index].Kind, name);
        }
        if (context.Options.Lenient)
        {
            return new ConstantExpr(at is null ? ScalarKind.Dynamic : CompileContext.AnalyzerKind(at) ?? ScalarKind.Dynamic, null);
        }
        throw new EngineCompileException($"column '{name}' is not in the input {row.Schema}");
    }

    private ScalarExpr Variable(string name, TreeNode node)
    {
        switch (context.Scope.Find(name))
        {
            case ScalarBinding scalar:
                return scalar.Expr;
            case TabularBinding:
                throw new EngineCompileException($"'{name}' is tabular where a scalar is expected");
        }
        if (context.Options.Lenient)
        {
            return new ConstantExpr(CompileContext.AnalyzerKind(node) ?? ScalarKind.Dynamic, null);
        }
        throw new EngineCompileException($"the name '{name}' is not bound");
    }

    // ---- dynamic access ---------------------------------------------------------------------------------------

    private ScalarExpr Path(TreeNode node, RowContext row)
    {
        var target = node.Required("Expression");
        var selector = node.Required("Selector");
        var targetName = target.Kind == "NameReference" ? NameText(target) : null;
        if (targetName is "$left" or "$right")
        {
            var side = targetName == "$left" ? row.Left : row.Right;
            if (side is null)
            {
                throw new EngineCompileException($"{targetName} is only valid in join conditions");
            }
            var column = NameText(selector);
            var index = side.IndexOf(column);
            if (index < 0)
            {
                throw new EngineCompileException($"column '{column}' is not in {targetName}");
            }
            var offset = targetName == "$left" ? 0 : row.RightOffset;
            return new ColumnRefExpr(index + offset, side[index].Kind, column);
        }
        if (target.SchemaIndex >= 0)
        {
            throw EngineCompileException.NotSupported("expression", "table.column");
        }
        var inner = Coerce(Compile(target, row), ScalarKind.Dynamic);
        var member = NameText(selector);
        return new DynamicAccessExpr(inner, value => DynamicAccess.Member(value, member));
    }

    private ScalarExpr Element(TreeNode node, RowContext row)
    {
        var inner = Coerce(Compile(node.Required("Expression"), row), ScalarKind.Dynamic);
        var selector = node.Required("Selector");
        var indexNode = selector.Kind == "BracketedExpression" ? selector.Required("Expression") : selector;
        var index = Compile(indexNode, row);
        if (index.IsConstant)
        {
            var key = index.ValueFor(null!);
            return new DynamicAccessExpr(inner, value => DynamicAccess.Element(value, key));
        }
        return new RowFunctionExpr(ScalarKind.Dynamic, [inner, index], args => DynamicAccess.Element(args[0], args[1]));
    }

    // ---- operators --------------------------------------------------------------------------------------------

    private ScalarExpr Arithmetic(ArithmeticOp op, TreeNode node, RowContext row)
    {
        var left = Compile(node.Required("Left"), row);
        var right = Compile(node.Required("Right"), row);
        var kind = CompileContext.AnalyzerKind(node) ?? ArithmeticKind(op, left.Kind, right.Kind);
        var domain = ArithmeticDomain(kind, left.Kind, right.Kind);
        if (domain is { } d)
        {
            left = Coerce(left, d);
            right = Coerce(right, d);
        }
        return new ArithmeticExpr(op, left, right, kind);
    }

    /// <summary>The kind both operands are converted to before the arithmetic, or null to combine boxed values.</summary>
    private static ScalarKind? ArithmeticDomain(ScalarKind result, ScalarKind left, ScalarKind right)
    {
        if (left == ScalarKind.Dynamic || right == ScalarKind.Dynamic || result == ScalarKind.Dynamic)
        {
            return null;
        }
        if (result == ScalarKind.Real || result == ScalarKind.Decimal)
        {
            return result;
        }
        if (result.IsLongStorage())
        {
            return left.IsLongStorage() && right.IsLongStorage() ? ScalarKind.Long : ScalarKind.Real;
        }
        return null;
    }

    private static ScalarKind ArithmeticKind(ArithmeticOp op, ScalarKind left, ScalarKind right)
    {
        if (left == ScalarKind.Dynamic || right == ScalarKind.Dynamic)
        {
            return ScalarKind.Dynamic;
        }
        if (left == ScalarKind.DateTime && right == ScalarKind.DateTime && op == ArithmeticOp.Subtract)
        {
            return ScalarKind.TimeSpan;
        }
        if (left == ScalarKind.DateTime || right == ScalarKind.DateTime)
        {
            return ScalarKind.DateTime;
        }
        if (left == ScalarKind.TimeSpan && right == ScalarKind.TimeSpan)
        {
            return op == ArithmeticOp.Divide ? ScalarKind.Real : ScalarKind.TimeSpan;
        }
        if (left == ScalarKind.TimeSpan || right == ScalarKind.TimeSpan)
        {
            return ScalarKind.TimeSpan;
        }
        if (left == ScalarKind.Real || right == ScalarKind.Real)
        {
            return ScalarKind.Real;
        }
        if (left == ScalarKind.Decimal || right == ScalarKind.Decimal)
        {
            return ScalarKind.Decimal;
        }
        return left == ScalarKind.Int && right == ScalarKind.Int ? ScalarKind.Int : ScalarKind.Long;
    }

    private ScalarExpr Comparison(ComparisonOp op, TreeNode node, RowContext row)
    {
        var left = Compile(node.Required("Left"), row);
        var right = Compile(node.Required("Right"), row);
        var domain = ComparisonDomain(left.Kind, right.Kind);
        if (domain is { } d)
        {
            left = Coerce(left, d);
            right = Coerce(right, d);
        }
        return new ComparisonExpr(op, left, right);
    }

    /// <summary>The kind two operands are compared as (numbers widen, a dynamic side takes the other side's kind).</summary>
    public static ScalarKind? ComparisonDomain(ScalarKind left, ScalarKind right)
    {
        if (left == right)
        {
            return left == ScalarKind.Int ? ScalarKind.Long : null;
        }
        if (left == ScalarKind.Dynamic)
        {
            return right == ScalarKind.Int ? ScalarKind.Long : right;
        }
        if (right == ScalarKind.Dynamic)
        {
            return left == ScalarKind.Int ? ScalarKind.Long : left;
        }
        if (left.IsNumeric() && right.IsNumeric())
        {
            if (left == ScalarKind.Decimal || right == ScalarKind.Decimal)
            {
                return ScalarKind.Decimal;
            }
            return left == ScalarKind.Real || right == ScalarKind.Real ? ScalarKind.Real : ScalarKind.Long;
        }
        if (left == ScalarKind.String && right == ScalarKind.Guid || left == ScalarKind.Guid && right == ScalarKind.String)
        {
            return ScalarKind.String;
        }
        return null;
    }

    private ScalarExpr StringPredicate(TreeNode node, RowContext row, (StringOp Op, bool CaseSensitive, bool Negate) op)
    {
        var left = Coerce(Compile(node.Required("Left"), row), ScalarKind.String);
        var right = Coerce(Compile(node.Required("Right"), row), ScalarKind.String);
        return new StringPredicateExpr(op.Op, op.CaseSensitive, op.Negate, left, right);
    }

    private ScalarExpr Between(TreeNode node, RowContext row, bool negate)
    {
        var value = Compile(node.Required("Left"), row);
        var couple = node.Required("Right");
        var low = Compile(couple.Required("First"), row);
        var high = Compile(couple.Required("Second"), row);
        // value between (low .. high): for datetime/timespan values a timespan high bound is an offset from low.
        if (value.Kind == ScalarKind.DateTime && high.Kind == ScalarKind.TimeSpan)
        {
            high = Fold(new ArithmeticExpr(ArithmeticOp.Add, Coerce(low, ScalarKind.Long), Coerce(high, ScalarKind.Long), ScalarKind.DateTime));
        }
        var lowDomain = ComparisonDomain(value.Kind, low.Kind) ?? value.Kind;
        var lower = new ComparisonExpr(ComparisonOp.GreaterOrEqual, Coerce(value, lowDomain), Coerce(low, lowDomain));
        var highDomain = ComparisonDomain(value.Kind, high.Kind) ?? value.Kind;
        var upper = new ComparisonExpr(ComparisonOp.LessOrEqual, Coerce(value, highDomain), Coerce(high, highDomain));
        ScalarExpr both = new LogicalExpr(true, lower, upper);
        return negate ? new NotExpr(both) : both;
    }

    private ScalarExpr In(TreeNode node, RowContext row, SetOp op)
    {
        var operatorText = node.Child("Operator")?.Text ?? "";
        var caseSensitive = op == SetOp.In ? !operatorText.Contains('~', StringComparison.Ordinal) : false;
        var negate = operatorText.StartsWith('!');
        var left = Compile(node.Required("Left"), row);
        if (op != SetOp.In)
        {
            left = Coerce(left, ScalarKind.String);
        }
        var rightNode = node.Required("Right");
        var items = rightNode.Kind == "ExpressionList" ? rightNode.ListItems("Expressions") : [rightNode];
        var sources = new List<SetSource>();
        foreach (var item in items)
        {
            if (item.SchemaIndex >= 0)
            {
                sources.Add(SetSource.Of(context.Tabular.Compile(item)));
            }
            else
            {
                sources.Add(SetSource.Of(Compile(item, row)));
            }
        }
        return new InExpr(op, caseSensitive, negate, left, sources);
    }

    // ---- calls ------------------------------------------------------------------------------------------------

    private ScalarExpr Call(TreeNode node, RowContext row)
    {
        var symbol = node.Symbol;
        var name = symbol?.Name ?? NameText(node.Child("Name") ?? node);
        var args = node.Child("ArgumentList")?.ListItems("Expressions") ?? [];
        if (node.Expansion is not null)
        {
            return ScalarExpansion(node, args, row);
        }
        switch (symbol?.Origin)
        {
            case "aggregate":
                throw new EngineCompileException($"aggregate function '{name}' is only valid in summarize and similar operators");
            case "plugin":
                throw EngineCompileException.NotSupported("plugin", name);
            case "database" or "local":
                throw EngineCompileException.NotSupported("function", name);
        }
        if (!context.Options.Functions.TryGet(name, out var binder))
        {
            if (context.Options.Lenient && symbol is null or { Kind: "Error" })
            {
                throw EngineCompileException.NotSupported("function", name);
            }
            throw EngineCompileException.NotSupported("function", name);
        }
        var kind = CompileContext.AnalyzerKind(node) ?? ScalarKind.Dynamic;
        return binder(new FunctionCall(name, node, args, kind, context, row));
    }

    /// <summary>A call to a user or database function with a scalar result: its bound body is compiled in the caller's row context.</summary>
    private ScalarExpr ScalarExpansion(TreeNode call, IReadOnlyList<TreeNode> args, RowContext row)
    {
        var scope = context.Tabular.FunctionScope(call, args, row);
        return context.InScope(scope, () => context.Tabular.CompileBody(call.Expansion!, body => Compile(body, row)));
    }

    private ScalarExpr ToScalar(TreeNode node, RowContext row)
    {
        var expression = node.Required("Expression");
        if (expression.ScalarTypeName is not null)
        {
            // toscalar(scalar expression) is the expression itself.
            return Compile(expression, row);
        }
        var plan = context.Tabular.Compile(expression);
        var kind = CompileContext.AnalyzerKind(node) ?? (plan.Schema.Count > 0 ? plan.Schema[0].Kind : ScalarKind.Dynamic);
        return new RunConstantExpr(kind, run =>
        {
            var table = plan.Execute(run);
            return table.RowCount > 0 && table.Schema.Count > 0 ? table.Column(0).GetValue(0) : null;
        });
    }
}

/// <summary>The string operators by syntax kind: operation, case sensitivity, negation.</summary>
internal static class StringOperators
{
    private static readonly Dictionary<string, (StringOp, bool, bool)> ByKind = Build();

    public static bool TryGet(string kind, out (StringOp Op, bool CaseSensitive, bool Negate) op) => ByKind.TryGetValue(kind, out op);

    private static Dictionary<string, (StringOp, bool, bool)> Build()
    {
        var map = new Dictionary<string, (StringOp, bool, bool)>(StringComparer.Ordinal)
        {
            ["EqualTildeExpression"] = (StringOp.Equals, false, false),
            ["BangTildeExpression"] = (StringOp.Equals, false, true),
            ["MatchesRegexExpression"] = (StringOp.MatchesRegex, true, false),
        };
        foreach (var (name, op) in new[]
        {
            ("Has", StringOp.Has), ("HasPrefix", StringOp.HasPrefix), ("HasSuffix", StringOp.HasSuffix),
            ("Contains", StringOp.Contains), ("StartsWith", StringOp.StartsWith), ("EndsWith", StringOp.EndsWith),
        })
        {
            map[name + "Expression"] = (op, false, false);
            map[name + "CsExpression"] = (op, true, false);
            map["Not" + name + "Expression"] = (op, false, true);
            map["Not" + name + "CsExpression"] = (op, true, true);
        }
        return map;
    }
}
