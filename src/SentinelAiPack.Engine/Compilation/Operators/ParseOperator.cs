using System.Text;
using System.Text.RegularExpressions;
using SentinelAiPack.Engine.Plan;
using SentinelAiPack.Engine.Plan.Tabular;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Tree;

namespace SentinelAiPack.Engine.Compilation.Operators;

/// <summary>
/// <c>parse [kind=simple|regex|relaxed] [flags=...] expr with * "lit" col:type ...</c> and <c>parse-where</c>.
/// The pattern becomes one regex (learn.microsoft.com/kusto/query/parse-operator, "Regex mode"): <c>*</c> is
/// <c>.*?</c>, a string column <c>(.*?)</c>, an int/long column <c>(-?\d+)</c>; a trailing column takes the rest.
/// </summary>
internal sealed class ParseOperator : IOperatorCompiler
{
    public IReadOnlyList<string> Kinds { get; } = ["ParseOperator", "ParseWhereOperator"];

    public TabularPlan Compile(TreeNode node, TabularPlan? input, CompileContext context)
    {
        var kind = OperatorParameters.Get(node, "kind")?.ToLowerInvariant() ?? "simple";
        if (kind is not ("simple" or "regex" or "relaxed"))
        {
            throw EngineCompileException.NotSupported("parse kind", kind);
        }
        var options = RegexOptions.CultureInvariant;
        foreach (var flag in OperatorParameters.Get(node, "flags") ?? "")
        {
            options |= flag switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                's' => RegexOptions.Singleline,
                _ => throw EngineCompileException.NotSupported("parse flag", flag.ToString()),
            };
        }
        var source = context.Scalars.Coerce(context.Scalars.Compile(node.Required("Expression"), new RowContext(input!.Schema)), ScalarKind.String);
        var patterns = node.Child("Patterns")?.Nodes ?? [];
        var regex = new StringBuilder("^");
        var extracted = new List<ColumnInfo>();
        for (var i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i];
            var last = i == patterns.Count - 1;
            switch (pattern.Kind)
            {
                case "StarExpression":
                    regex.Append(".*?");
                    break;
                case "StringLiteralExpression" or "CompoundStringLiteralExpression":
                    var literal = Values.ToKustoString(context.Scalars.Compile(pattern, RowContext.None).ValueFor(null!));
                    regex.Append(kind == "regex" ? literal : Regex.Escape(literal));
                    break;
                case "NameAndTypeDeclaration" or "NameDeclaration":
                    var name = ScalarCompiler.NameText(pattern.Child("Name") ?? pattern);
                    var type = pattern.Child("Type")?.Tokens().FirstOrDefault()?.Text;
                    var columnKind = type is null ? ScalarKind.String : ScalarKinds.FromName(type);
                    extracted.Add(new ColumnInfo(name, columnKind));
                    regex.Append(Group(columnKind, last, kind == "relaxed"));
                    break;
                default:
                    throw EngineCompileException.NotSupported("parse pattern", pattern.Kind);
            }
        }
        if (patterns.Count > 0 && patterns[^1].Kind is "NameAndTypeDeclaration" or "NameDeclaration")
        {
            regex.Append('$');
        }
        var compiled = new Regex(regex.ToString(), options, TimeSpan.FromSeconds(2));

        // Output: input columns (a same-named extracted column replaces it in place), then the new ones.
        var slots = new List<int>();
        var columns = new List<ColumnInfo>();
        for (var c = 0; c < input.Schema.Count; c++)
        {
            var replaced = extracted.FindIndex(e => e.Name == input.Schema[c].Name);
            slots.Add(replaced >= 0 ? -replaced - 1 : c);
            columns.Add(replaced >= 0 ? extracted[replaced] : input.Schema[c]);
        }
        for (var e = 0; e < extracted.Count; e++)
        {
            if (!input.Schema.Contains(extracted[e].Name))
            {
                slots.Add(-e - 1);
                columns.Add(extracted[e]);
            }
        }
        var analyzer = context.AnalyzerColumns(node);
        if (analyzer is not null && analyzer.Count == columns.Count)
        {
            columns = columns.Select((c, i) => c with { Name = analyzer[i].Name }).ToList();
        }
        var where = node.Kind == "ParseWhereOperator";
        return new ParsePlan(input, source, compiled, extracted, slots, where, new RowSchema(columns));
    }

    private static string Group(ScalarKind kind, bool last, bool relaxed)
    {
        if (relaxed)
        {
            return last ? "(.*)" : "(.*?)";
        }
        return kind switch
        {
            ScalarKind.Int or ScalarKind.Long => @"(\-?\d+)",
            ScalarKind.Real or ScalarKind.Decimal => @"(\-?\d+(?:\.\d*)?(?:[eE][\-+]?\d+)?)",
            ScalarKind.Bool => "(true|false|True|False|TRUE|FALSE|1|0)",
            _ => last ? "(.*)" : "(.*?)",
        };
    }
}
