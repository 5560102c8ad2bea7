using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Yaml;

namespace SentinelAiPack.Content.Loading;

/// <summary>Reads the three parser/function YAML dialects into <see cref="ParserFunction"/>.</summary>
internal static class ParserReader
{
    /// <summary>Documentation blocks of ASIM parsers that the model keeps only as raw YAML.</summary>
    private static readonly string[] KnownUnmodelledKeys = ["References", "Product", "Normalization", "Parser", "Function"];

    public static ParserDialect DetectDialect(YamlMapping root)
    {
        if (root.Find("ParserQuery", ignoreCase: true) is not null)
        {
            return ParserDialect.Asim;
        }
        return root.Find("EquivalentBuiltInFunction", ignoreCase: true) is not null &&
               root.Find("FunctionName", ignoreCase: true) is null
            ? ParserDialect.CommonFunction
            : ParserDialect.Solution;
    }

    public static ParserFunction Read(ContentSource source, DiagnosticBag diagnostics)
    {
        var dialect = DetectDialect(source.Root);
        var root = new MappingReader(source.Root, diagnostics, string.Empty);
        var id = root.Text("id");
        var header = ReadHeader(root, dialect == ParserDialect.Asim ? "Parser" : "Function");
        var functionName = dialect == ParserDialect.Asim ? root.Text("ParserName") : root.Text("FunctionName");
        var alias = root.Text("FunctionAlias");
        var builtIn = dialect == ParserDialect.Asim ? root.Text("EquivalentBuiltInParser") : root.Text("EquivalentBuiltInFunction");
        var parameters = ReadParameters(root, dialect == ParserDialect.Asim ? "ParserParams" : "FunctionParams");
        var query = TemplateReader.ReadQuery(root, dialect == ParserDialect.Asim ? "ParserQuery" : "FunctionQuery", source);
        var category = root.Text("Category");
        var description = root.Text("Description");
        var parsers = root.TextList("Parsers")?.Value ?? [];
        Located<string>? schema = null;
        if (root.Map("Normalization") is { } normalization)
        {
            schema = root.Nested(normalization.Mapping, "Normalization").Text("Schema");
        }
        Located<string>? product = null;
        if (root.Map("Product") is { } productBlock)
        {
            product = root.Nested(productBlock.Mapping, "Product").Text("Name");
        }
        _ = root.Take("References");
        root.ReportUnknownKeys(DialectName(dialect), KnownUnmodelledKeys);

        return new ParserFunction(source, dialect)
        {
            Id = id,
            Query = query,
            InvalidFields = root.InvalidKeys,
            FunctionName = functionName,
            FunctionAlias = alias,
            EquivalentBuiltIn = builtIn,
            Title = header.Title,
            Version = header.Version,
            LastUpdated = header.LastUpdated,
            Category = category,
            Description = description,
            NormalizationSchema = schema,
            ProductName = product,
            Parameters = parameters,
            Parsers = parsers,
        };
    }

    private static string DialectName(ParserDialect dialect) => dialect switch
    {
        ParserDialect.Asim => "ASIM parser",
        ParserDialect.Solution => "solution parser",
        _ => "common function",
    };

    private static (Located<string>? Title, Located<string>? Version, Located<string>? LastUpdated) ReadHeader(MappingReader root, string key)
    {
        if (root.Map(key) is not { } found)
        {
            return (null, null, null);
        }
        var reader = root.Nested(found.Mapping, key);
        var result = (reader.Text("Title"), reader.Text("Version"), reader.Text("LastUpdated"));
        reader.ReportUnknownKeys($"{key} block");
        return result;
    }

    private static IReadOnlyList<ParserParameter> ReadParameters(MappingReader root, string key)
    {
        if (root.Sequence(key) is not { } found)
        {
            return [];
        }
        var parameters = new List<ParserParameter>();
        foreach (var (item, index) in root.MappingItems(found.Sequence, key))
        {
            var reader = root.Nested(item, $"{key}[{index}]");
            var parameter = new ParserParameter(reader.Text("Name"), reader.Text("Type"), reader.Text("Default"), item.Span);
            _ = reader.Text("Description");
            reader.ReportUnknownKeys("parser parameter");
            parameters.Add(parameter);
        }
        return parameters;
    }
}
