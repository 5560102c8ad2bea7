using System.Globalization;
using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Content.Model;

/// <summary>The three Azure-Sentinel parser/function YAML dialects.</summary>
public enum ParserDialect
{
    /// <summary>ASIM: <c>ParserName</c>, <c>ParserParams</c>, <c>ParserQuery</c>, <c>EquivalentBuiltInParser</c>.</summary>
    Asim,

    /// <summary>Solution parser: <c>Function{Title,Version,LastUpdated}</c>, <c>FunctionName</c>, <c>FunctionAlias</c>, <c>FunctionParams</c>, <c>FunctionQuery</c>.</summary>
    Solution,

    /// <summary>Common function: <c>EquivalentBuiltInFunction</c>, <c>FunctionParams</c>, <c>FunctionQuery</c>.</summary>
    CommonFunction,
}

/// <summary>A parameter of a parser: <c>{Name, Type, Default}</c>.</summary>
public sealed record ParserParameter(Located<string>? Name, Located<string>? Type, Located<string>? Default, Diagnostics.SourceSpan Span)
{
    /// <summary>
    /// The default as KQL literal text. YAML unquotes <c>Default: '*'</c> to <c>*</c>, so a string default that is
    /// not already a KQL string literal is quoted and escaped here (never spliced in raw).
    /// </summary>
    public string? DefaultLiteral
    {
        get
        {
            if (Default is null)
            {
                return null;
            }
            var text = Default.Value.Trim();
            var type = KustoType.Normalize(Type?.Value);
            if (type == "string" && !LooksLikeKqlStringLiteral(text))
            {
                return KqlStringLiteral(Default.Value);
            }
            if (type == "bool")
            {
                return text.ToLowerInvariant();
            }
            return text.Length == 0 ? null : text;
        }
    }

    public FunctionParameter? ToFunctionParameter()
    {
        var type = KustoType.Normalize(Type?.Value);
        return Name is null || type is null ? null : new FunctionParameter(Name.Value, type, DefaultLiteral);
    }

    private static bool LooksLikeKqlStringLiteral(string text) =>
        text.Length >= 2 && (
            (text[0] is '\'' or '"' && text[^1] == text[0]) ||
            (text[0] is '@' or 'h' or 'H' && text.Length >= 3 && text[1] is '\'' or '"' && text[^1] == text[1]) ||
            text.StartsWith("```", StringComparison.Ordinal));

    /// <summary>A single-quoted KQL string literal with backslashes and quotes escaped.</summary>
    public static string KqlStringLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var escaped = new System.Text.StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => escaped.Append(@"\\"),
                '\'' => escaped.Append(@"\'"),
                '\n' => escaped.Append(@"\n"),
                '\r' => escaped.Append(@"\r"),
                '\t' => escaped.Append(@"\t"),
                _ when char.IsControl(c) => escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => escaped.Append(c),
            };
        }
        return escaped.Append('\'').ToString();
    }
}

/// <summary>A parser / workspace function defined in YAML.</summary>
public sealed class ParserFunction : ContentItem
{
    public ParserFunction(ContentSource source, ParserDialect dialect)
        : base(source) => Dialect = dialect;

    public override ContentKind Kind => ContentKind.Parser;

    public ParserDialect Dialect { get; }

    /// <summary><c>ParserName</c> (ASIM) or <c>FunctionName</c> (solution/common).</summary>
    public Located<string>? FunctionName { get; init; }

    public override Located<string>? DisplayName => FunctionName ?? FunctionAlias ?? EquivalentBuiltIn;

    /// <summary><c>FunctionAlias</c>: the name queries call in a workspace (solution parsers).</summary>
    public Located<string>? FunctionAlias { get; init; }

    /// <summary><c>EquivalentBuiltInParser</c> (ASIM, e.g. <c>_Im_Authentication</c>) or <c>EquivalentBuiltInFunction</c>.</summary>
    public Located<string>? EquivalentBuiltIn { get; init; }

    public Located<string>? Title { get; init; }

    public Located<string>? Version { get; init; }

    public Located<string>? LastUpdated { get; init; }

    public Located<string>? Category { get; init; }

    public Located<string>? Description { get; init; }

    /// <summary>ASIM normalization schema (<c>Normalization.Schema</c>), e.g. Authentication.</summary>
    public Located<string>? NormalizationSchema { get; init; }

    public Located<string>? ProductName { get; init; }

    public IReadOnlyList<ParserParameter> Parameters { get; init; } = [];

    /// <summary>ASIM unifying parsers: the source parsers they union (<c>Parsers:</c>).</summary>
    public IReadOnlyList<Located<string>> Parsers { get; init; } = [];

    /// <summary>Every name queries may call this function by: the function name, the alias and the built-in name.</summary>
    public IReadOnlyList<string> CallableNames =>
        new[] { FunctionName?.Value, FunctionAlias?.Value, EquivalentBuiltIn?.Value }
            .Where(name => !string.IsNullOrWhiteSpace(name))
            .Select(name => name!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>
    /// The function as the analyzer sees it, once per callable name (parameters with usable types only; a parameter
    /// with an unknown type is left out and reported by the schema/template checks).
    /// </summary>
    public IReadOnlyList<FunctionSchema> ToFunctionSchemas()
    {
        var parameters = Parameters.Select(p => p.ToFunctionParameter()).OfType<FunctionParameter>().ToList();
        return CallableNames
            .Select(name => new FunctionSchema(name, parameters) { Body = Query?.Text, SourcePath = FilePath })
            .ToList();
    }
}
