using System.Text.Json;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Json;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Content.Schemas;

/// <summary>
/// Reads table and function schemas in the formats Azure-Sentinel's KQL validation uses:
/// table JSON <c>{"Name", "Properties": [{"Name", "Type", "Description"?}]}</c> (keys case-insensitive),
/// CustomFunctions JSON <c>{"FunctionName", "FunctionParameters", "FunctionResultColumns": [{"name", "type"}]}</c>,
/// and parser YAML (a function with its body). Never throws; problems are SAP5xxx diagnostics.
/// </summary>
public static class SchemaLoader
{
    /// <summary>Reads one file (<c>.json</c> table/function, <c>.yaml</c>/<c>.yml</c> parser).</summary>
    public static SchemaFile LoadFile(string path, DiagnosticBag diagnostics, long maxBytes = LoadOptions.DefaultMaxFileSizeBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return LoadParserYaml(path, diagnostics, maxBytes);
        }
        var text = TextFileReader.Read(path, maxBytes, diagnostics);
        if (text is null)
        {
            return new SchemaFile(path);
        }
        return LoadJson(path, System.Text.Encoding.UTF8.GetBytes(text), diagnostics);
    }

    /// <summary>Reads JSON already in memory as if from <paramref name="path"/> (the file name matters for the table-name check).</summary>
    public static SchemaFile LoadJson(string path, byte[] utf8, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var root = JsonTree.Parse(utf8, diagnostics);
        if (root is null)
        {
            return new SchemaFile(path);
        }
        if (root.Kind != JsonValueKind.Object)
        {
            diagnostics.Add(LoadingCodes.InvalidSchemaFile, root.Span,
                $"A schema file must hold one JSON object with 'Name' and 'Properties' (table) or 'FunctionName' (function), found a {root.KindName}.");
            return new SchemaFile(path);
        }
        if (root.Get("FunctionName") is not null)
        {
            var function = ReadFunction(path, root, diagnostics);
            return new SchemaFile(path) { Functions = function is null ? [] : [function] };
        }
        return ReadTable(path, root, diagnostics);
    }

    private static SchemaFile ReadTable(string path, JsonTreeNode root, DiagnosticBag diagnostics)
    {
        var nameNode = root.Get("Name");
        var properties = root.Get("Properties");
        if (nameNode is not { Kind: JsonValueKind.String } || string.IsNullOrWhiteSpace(nameNode.Text) || properties is not { Kind: JsonValueKind.Array })
        {
            diagnostics.Add(LoadingCodes.InvalidSchemaFile, (nameNode ?? root).Span,
                "A table schema needs a string 'Name' and a 'Properties' array of {\"Name\", \"Type\"} objects; the file was skipped.");
            return new SchemaFile(path);
        }
        var tableName = nameNode.Text.Trim();
        var columns = ReadColumns(properties, "Properties", diagnostics);
        var table = new TableSchema(tableName, columns) { SourcePath = path, Description = TextOf(root.Get("Description")) };

        var fileStem = Path.GetFileNameWithoutExtension(path);
        string? alias = null;
        if (!string.Equals(fileStem, tableName, StringComparison.OrdinalIgnoreCase))
        {
            alias = fileStem;
            diagnostics.Add(LoadingCodes.TableNameMismatch, nameNode.Span,
                $"Table name '{tableName}' differs from the file name '{Path.GetFileName(path)}'. The table is registered as '{tableName}' " +
                $"and also as '{fileStem}' unless another schema defines '{fileStem}'.");
        }
        return new SchemaFile(path) { Tables = [table], AliasName = alias };
    }

    private static FunctionSchema? ReadFunction(string path, JsonTreeNode root, DiagnosticBag diagnostics)
    {
        var nameNode = root.Get("FunctionName")!;
        if (nameNode.Kind != JsonValueKind.String || string.IsNullOrWhiteSpace(nameNode.Text))
        {
            diagnostics.Add(LoadingCodes.InvalidSchemaFile, nameNode.Span, "'FunctionName' must be a non-empty string; the file was skipped.");
            return null;
        }
        var parameters = new List<FunctionParameter>();
        if (root.Get("FunctionParameters") is { } parameterList)
        {
            if (parameterList.Kind != JsonValueKind.Array)
            {
                diagnostics.Add(LoadingCodes.InvalidSchemaFile, parameterList.Span, $"'FunctionParameters' must be an array, found a {parameterList.KindName}.");
            }
            else
            {
                foreach (var item in parameterList.Items)
                {
                    if (ReadNameAndType(item, "FunctionParameters", diagnostics) is { } parameter)
                    {
                        var defaultValue = TextOf(item.Get("Default") ?? item.Get("DefaultValue"));
                        var notRequired = item.Get("IsRequired") is { Kind: JsonValueKind.False };
                        parameters.Add(new FunctionParameter(parameter.Name, parameter.Type, defaultValue) { IsOptional = notRequired || defaultValue is not null });
                    }
                }
            }
        }
        IReadOnlyList<ColumnSchema>? output = null;
        if (root.Get("FunctionResultColumns") is { } resultColumns)
        {
            if (resultColumns.Kind == JsonValueKind.Array)
            {
                output = ReadColumns(resultColumns, "FunctionResultColumns", diagnostics);
            }
            else
            {
                diagnostics.Add(LoadingCodes.InvalidSchemaFile, resultColumns.Span, $"'FunctionResultColumns' must be an array, found a {resultColumns.KindName}.");
            }
        }
        return new FunctionSchema(nameNode.Text.Trim(), parameters) { OutputColumns = output, SourcePath = path };
    }

    private static List<ColumnSchema> ReadColumns(JsonTreeNode list, string listName, DiagnosticBag diagnostics)
    {
        var columns = new List<ColumnSchema>();
        // KQL column names are case-sensitive: AzureDiagnostics really has both clientIP_s and clientIp_s.
        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            if (ReadNameAndType(item, listName, diagnostics) is not { } column)
            {
                continue;
            }
            if (seen.TryGetValue(column.Name, out var first))
            {
                diagnostics.Add(LoadingCodes.DuplicateColumn, item.Span,
                    $"Column '{column.Name}' is listed again (first at line {first.Line}); the first definition is used.");
                continue;
            }
            seen[column.Name] = item.Position;
            columns.Add(new ColumnSchema(column.Name, column.Type) { Description = TextOf(item.Get("Description")) });
        }
        return columns;
    }

    private static (string Name, string Type)? ReadNameAndType(JsonTreeNode item, string listName, DiagnosticBag diagnostics)
    {
        if (item.Kind != JsonValueKind.Object)
        {
            diagnostics.Add(LoadingCodes.InvalidSchemaFile, item.Span, $"'{listName}' entries must be objects with 'Name' and 'Type', found a {item.KindName}.");
            return null;
        }
        var name = item.Get("Name");
        var type = item.Get("Type");
        if (name is not { Kind: JsonValueKind.String } || string.IsNullOrWhiteSpace(name.Text) || type is not { Kind: JsonValueKind.String })
        {
            diagnostics.Add(LoadingCodes.InvalidSchemaFile, item.Span, $"'{listName}' entry needs string 'Name' and 'Type' values; it was skipped.");
            return null;
        }
        var normalized = KustoType.Normalize(type.Text);
        if (normalized is null)
        {
            // Reported once here; the entry stays (as dynamic) so queries using it are not reported at every use.
            diagnostics.Add(LoadingCodes.UnknownColumnType, type.Span,
                $"Unknown type '{type.Text}' for '{name.Text}'; expected a Kusto type ({string.Join(", ", KustoType.All)}) or its .NET name. " +
                $"'{name.Text.Trim()}' is kept as {KustoType.Fallback}.");
            normalized = KustoType.Fallback;
        }
        return (name.Text.Trim(), normalized);
    }

    private static string? TextOf(JsonTreeNode? node) => node is { Kind: JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } ? node.Text : null;

    private static SchemaFile LoadParserYaml(string path, DiagnosticBag diagnostics, long maxBytes)
    {
        var result = ContentLoader.LoadFile(path, new LoadOptions { MaxFileSizeBytes = maxBytes });
        foreach (var diagnostic in result.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }
        if (result.Item is ParserFunction parser)
        {
            return new SchemaFile(path) { Functions = parser.ToFunctionSchemas() };
        }
        if (result.Item is not null)
        {
            diagnostics.Add(LoadingCodes.InvalidSchemaFile, new SourceSpan(1, 1),
                "A YAML file in a schema folder must be a parser (ParserQuery or FunctionQuery); this one is a rule or hunting query and was skipped.");
        }
        return new SchemaFile(path);
    }
}
