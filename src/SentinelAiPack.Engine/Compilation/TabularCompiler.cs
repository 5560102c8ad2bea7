using SentinelAiPack.Engine.Compilation.Operators;
using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation;

/// <summary>Compiles tabular expressions, statements and function bodies into <see cref="TabularPlan"/>s.</summary>
internal sealed class TabularCompiler(CompileContext context)
{
    /// <summary>Compiles a query block: let statements, then the last tabular expression statement.</summary>
    public TabularPlan CompileQuery(TreeNode root)
    {
        var statements = root.ListItems("Statements");
        TabularPlan? result = null;
        foreach (var statement in statements)
        {
            result = Statement(statement) ?? result;
        }
        // A query of let statements only returns no result set (Kusto runs it and returns nothing).
        return result ?? new FixedTablePlan(Runtime.Table.Empty(RowSchema.Empty));
    }

    /// <summary>A function body (let statements then an expression), compiled with <paramref name="compileExpression"/>.</summary>
    public T CompileBody<T>(TreeNode body, Func<TreeNode, T> compileExpression)
    {
        foreach (var statement in body.ListItems("Statements"))
        {
            if (Statement(statement) is not null)
            {
                throw EngineCompileException.NotSupported("statement", "multiple results in a function body");
            }
        }
        return compileExpression(body.Required("Expression"));
    }

    private TabularPlan? Statement(TreeNode statement)
    {
        switch (statement.Kind)
        {
            case "LetStatement":
                Let(statement);
                return null;
            case "ExpressionStatement":
                var expression = statement.Required("Expression");
                if (expression.SchemaIndex < 0 && !IsTabularKind(expression))
                {
                    throw EngineCompileException.NotSupported("statement", "scalar expression statement");
                }
                return Compile(expression);
            case "SetOptionStatement":
                // Request options (set notruncation; ...) do not change results on the local engine.
                return null;
            default:
                throw EngineCompileException.NotSupported("statement", statement.Kind.Replace("Statement", "", StringComparison.Ordinal));
        }
    }

    private static bool IsTabularKind(TreeNode node) => node.Kind.EndsWith("Operator", StringComparison.Ordinal);

    private void Let(TreeNode statement)
    {
        var name = ScalarCompiler.NameText(statement.Required("Name"));
        var expression = statement.Required("Expression");
        var outer = context.Scope;
        var scope = outer.Child();
        Binding binding;
        if (expression.Kind == "FunctionDeclaration")
        {
            binding = new FunctionBinding(outer);
        }
        else if (expression.SchemaIndex >= 0 || expression.Kind == "MaterializeExpression" || IsTabularKind(expression))
        {
            binding = new TabularBinding(new CachedPlan(Compile(expression)));
        }
        else
        {
            binding = new ScalarBinding(RunInvariant(context.Scalars.Compile(expression, RowContext.None)));
        }
        scope.Bind(name, binding);
        context.Scope = scope;
    }

    /// <summary>let values do not depend on rows: evaluate once per run.</summary>
    private static ScalarExpr RunInvariant(ScalarExpr expr) =>
        expr.IsConstant ? expr : new RunConstantExpr(expr.Kind, expr.ValueFor);

    /// <summary>Compiles a tabular expression.</summary>
    public TabularPlan Compile(TreeNode node)
    {
        switch (node.Kind)
        {
            case "PipeExpression":
                var input = Compile(node.Required("Expression"));
                return Operator(node.Required("Operator"), input);
            case "ParenthesizedExpression":
                return Compile(node.Required("Expression"));
            case "MaterializeExpression":
                return new CachedPlan(Compile(node.Required("Expression")));
            case "NameReference":
            case "BracketedExpression":
                return Name(node);
            case "FunctionCallExpression":
                return Call(node, null);
            case "DataTableExpression":
                return DataTableOperator.Compile(node, context);
            case "ExternalDataExpression":
                return ExternalDataOperator.Compile(node, context);
        }
        if (IsTabularKind(node))
        {
            return Operator(node, null);
        }
        throw EngineCompileException.NotSupported("tabular expression", node.Kind.Replace("Expression", "", StringComparison.Ordinal));
    }

    /// <summary>Compiles one query operator applied to <paramref name="input"/> (null for operators that start a query).</summary>
    public TabularPlan Operator(TreeNode node, TabularPlan? input)
    {
        if (!OperatorRegistry.TryGet(node.Kind, out var compiler))
        {
            throw EngineCompileException.NotSupported("operator", OperatorRegistry.DisplayName(node));
        }
        if (input is null && compiler.NeedsInput)
        {
            throw new EngineCompileException($"operator '{OperatorRegistry.DisplayName(node)}' needs an input table");
        }
        return compiler.Compile(node, input, context);
    }

    private TabularPlan Name(TreeNode node)
    {
        var symbol = node.Symbol;
        var name = symbol?.Name ?? ScalarCompiler.NameText(node);
        switch (symbol?.Kind)
        {
            case "Table":
                return Table(name, node);
            case "Variable" or "Parameter":
                if (context.Scope.Find(name) is TabularBinding tabular)
                {
                    return tabular.Plan;
                }
                break;
            case "Function":
                return Call(node, null);
        }
        if (context.Scope.Find(name) is TabularBinding bound)
        {
            return bound.Plan;
        }
        if (context.Options.Lenient)
        {
            // engine-support: a table the pack has no schema for is an opaque empty table.
            return Table(name, node);
        }
        throw new EngineCompileException($"the name '{name}' does not refer to a table");
    }

    private TabularPlan Table(string name, TreeNode node)
    {
        context.TablesRead.Add(name);
        return new SourceTablePlan(name, context.AnalyzerSchema(node) ?? RowSchema.Empty);
    }

    /// <summary>A call to a tabular function: user/database functions through their bound expansion; <c>_GetWatchlist</c>; <c>table()</c>.</summary>
    public TabularPlan Call(TreeNode node, TabularPlan? pipedInput)
    {
        var symbol = node.Symbol;
        var name = symbol?.Name ?? ScalarCompiler.NameText(node.Child("Name") ?? node);
        var args = node.Child("ArgumentList")?.ListItems("Expressions") ?? [];
        if (node.Expansion is not null)
        {
            var scope = FunctionScope(node, args, RowContext.None, pipedInput);
            var plan = context.InScope(scope, () => CompileBody(node.Expansion, Compile));
            return Conform.To(plan, context.AnalyzerColumns(node));
        }
        if (string.Equals(name, "_GetWatchlist", StringComparison.OrdinalIgnoreCase) && args.Count == 1)
        {
            var alias = context.Scalars.Compile(args[0], RowContext.None);
            return new WatchlistPlan(alias, context.AnalyzerSchema(node) ?? RowSchema.Empty);
        }
        if (name == "table" && args.Count >= 1)
        {
            var tableName = context.Scalars.Compile(args[0], RowContext.None);
            if (tableName.IsConstant)
            {
                return Table(Values.ToKustoString(tableName.ValueFor(null!)), node);
            }
        }
        throw EngineCompileException.NotSupported(symbol?.Origin == "plugin" ? "plugin" : "function", name);
    }

    /// <summary>
    /// The scope a called function's body compiles in: the scope where it was declared (let functions) or the root
    /// (database functions), with each parameter bound to its argument, the piped input, or its default value.
    /// </summary>
    public Scope FunctionScope(TreeNode call, IReadOnlyList<TreeNode> args, RowContext row, TabularPlan? pipedInput = null)
    {
        var name = call.Symbol?.Name ?? "";
        var definition = call.Symbol?.Origin == "local" && context.Scope.Find(name) is FunctionBinding f ? f.DefinitionScope : Scope.Root();
        var scope = definition.Child();
        var parameters = call.Parameters ?? [];
        var bound = new HashSet<string>(StringComparer.Ordinal);
        var position = 0;
        if (pipedInput is not null && parameters.Count > 0)
        {
            scope.Bind(parameters[0].Name, new TabularBinding(pipedInput));
            bound.Add(parameters[0].Name);
            position = 1;
        }
        foreach (var arg in args)
        {
            // f(x, name = value): named arguments bind by name, the others by position.
            TreeParameter? parameter;
            var value = arg;
            if (arg.Kind == "SimpleNamedExpression")
            {
                var argumentName = ScalarCompiler.NameText(arg.Required("Name"));
                parameter = parameters.FirstOrDefault(p => p.Name == argumentName);
                value = arg.Required("Expression");
            }
            else
            {
                while (position < parameters.Count && bound.Contains(parameters[position].Name))
                {
                    position++;
                }
                parameter = position < parameters.Count ? parameters[position++] : null;
            }
            if (parameter is null)
            {
                throw new EngineCompileException($"too many arguments for '{name}'");
            }
            bound.Add(parameter.Name);
            scope.Bind(parameter.Name, parameter.IsTabular || value.SchemaIndex >= 0
                ? new TabularBinding(new CachedPlan(Compile(value)))
                : new ScalarBinding(context.Scalars.Compile(value, row)));
        }
        foreach (var parameter in parameters.Where(p => !bound.Contains(p.Name) && p.Default is not null))
        {
            scope.Bind(parameter.Name, new ScalarBinding(context.Scalars.Compile(parameter.Default!, RowContext.None)));
        }
        return scope;
    }
}
