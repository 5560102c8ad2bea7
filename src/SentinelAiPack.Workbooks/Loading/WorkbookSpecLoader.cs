using System.Text.RegularExpressions;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Yaml;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Loading;

/// <summary>The spec (null when the file could not be read as one) and every finding about it.</summary>
public sealed record WorkbookLoadResult(WorkbookSpec? Spec, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Reads a workbook spec. Never throws for bad input: unreadable or malformed files are SAP5xxx findings, missing
/// or invalid spec values SAP7001/SAP7002, each with the line it is about; what can be read is still returned.
/// </summary>
public static partial class WorkbookSpecLoader
{
    private const string Format = "workbook spec";

    public static IReadOnlyList<string> AlertTypes { get; } =
    [
        "PromptInjection", "OutputPolicyViolation", "AnomalousToolCall", "ModelDrift", "TrainingPipelineAnomaly", "RagVectorStore", "DefenderForAI",
    ];

    /// <summary>Time ranges offered by the picker (and allowed as its default).</summary>
    public static IReadOnlyList<TimeSpan> SelectableRanges { get; } =
    [
        TimeSpan.FromHours(1), TimeSpan.FromHours(4), TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(2),
        TimeSpan.FromDays(3), TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromDays(30), TimeSpan.FromDays(60), TimeSpan.FromDays(90),
    ];

    public static WorkbookLoadResult Load(string path, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= LoadOptions.Default;
        var bag = new DiagnosticBag(path);
        var text = TextFileReader.Read(path, options.MaxFileSizeBytes, bag);
        return text is null ? new WorkbookLoadResult(null, bag.Items) : LoadText(text, path);
    }

    public static WorkbookLoadResult LoadText(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag(path);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            bag.Add(LoadingCodes.EmptyFile, SourceSpan.Unknown, "File is empty.");
            return new WorkbookLoadResult(null, bag.Items);
        }
        var documents = YamlDocumentReader.Read(text, bag);
        if (documents is null)
        {
            return new WorkbookLoadResult(null, bag.Items);
        }
        if (documents.FirstOrDefault() is not YamlMapping root)
        {
            bag.Add(LoadingCodes.NotAMapping, new SourceSpan(1, 1), "A workbook spec must be a mapping of keys (key:, title:, parameters:, sections: ...).");
            return new WorkbookLoadResult(null, bag.Items);
        }
        var reader = new Reader(new SpecSource(path, text, new LineMap(text)), bag);
        var spec = reader.ReadSpec(root);
        return new WorkbookLoadResult(spec, bag.Items);
    }

    private sealed record SpecSource(string Path, string Text, LineMap Lines);

    private sealed class Reader(SpecSource source, DiagnosticBag bag)
    {
        public WorkbookSpec? ReadSpec(YamlMapping root)
        {
            var map = new MappingReader(root, bag, string.Empty);
            var key = Required(map, "key", root.Span);
            if (key is not null && !KeyPattern().IsMatch(key.Value))
            {
                Invalid(key.Span, $"'key' must be letters and digits starting with a letter (it becomes the gallery workbookKey and 'sentinel-<key>'), found '{key.Value}'.");
            }
            var title = Required(map, "title", root.Span);
            var description = Required(map, "description", root.Span);
            var version = Required(map, "version", root.Span);
            if (version is not null && !VersionPattern().IsMatch(version.Value))
            {
                Invalid(version.Span, $"'version' must be X.Y.Z (Azure-Sentinel compares it to require a bump on every change), found '{version.Value}'.");
            }
            var alertType = map.Text("alertType");
            if (alertType is not null && !AlertTypes.Contains(alertType.Value, StringComparer.Ordinal))
            {
                Invalid(alertType.Span, $"'alertType' must be one of {string.Join(", ", AlertTypes)}; found '{alertType.Value}'.");
            }
            var dataTypes = map.TextList("dataTypes")?.Value ?? [];
            if (dataTypes.Count == 0)
            {
                bag.Add(WorkbookCodes.MissingField, map.Take("dataTypes")?.Key.Span ?? root.Span,
                    "'dataTypes' must list the tables the workbook needs (the gallery's dataTypesDependencies).");
            }
            var connectors = map.TextList("dataConnectors")?.Value ?? [];
            var subtitle = map.Text("subtitle")?.Value ?? string.Empty;
            var logo = map.Text("logo")?.Value;
            var parameters = ReadParameters(map);
            var sections = ReadSections(map, root);
            map.ReportUnknownKeys(Format);
            if (key is null || title is null || description is null || version is null)
            {
                return null;
            }
            return new WorkbookSpec
            {
                FilePath = source.Path,
                Name = WorkbookFiles.NameOf(source.Path),
                Key = key,
                Title = title,
                Subtitle = subtitle,
                Description = description,
                Version = version,
                AlertType = alertType,
                DataTypes = dataTypes,
                DataConnectors = connectors,
                LogoFileName = logo ?? "Azure_Sentinel.svg",
                Parameters = parameters,
                Sections = sections,
            };
        }

        private List<ParameterSpec> ReadParameters(MappingReader map)
        {
            var result = new List<ParameterSpec>();
            if (map.Sequence("parameters") is not { } found)
            {
                return result;
            }
            foreach (var (item, index) in map.MappingItems(found.Sequence, "parameters"))
            {
                var reader = map.Nested(item, $"parameters[{index}]");
                if (ReadParameter(reader, item) is { } parameter)
                {
                    result.Add(parameter);
                }
                reader.ReportUnknownKeys(Format);
            }
            return result;
        }

        private ParameterSpec? ReadParameter(MappingReader map, YamlMapping item)
        {
            var name = Required(map, "name", item.Span);
            var type = Required(map, "type", item.Span);
            var label = map.Text("label")?.Value;
            var description = map.Text("description")?.Value;
            var multiSelect = map.Boolean("multiSelect")?.Value ?? false;
            var hidden = map.Boolean("hidden")?.Value ?? false;
            var query = ReadQuery(map, "query");
            var choices = map.TextList("choices")?.Value.Select(c => c.Value).ToList() ?? [];
            var defaultRange = map.Text("default");
            if (name is not null && !ParameterNamePattern().IsMatch(name.Value))
            {
                Invalid(name.Span, $"Parameter name '{name.Value}' must be letters, digits and underscores starting with a letter (it is written as {{{name.Value}}} in queries).");
            }
            if (name is null || type is null)
            {
                return null;
            }
            ParameterKind kind;
            switch (type.Value)
            {
                case "timeRange":
                    kind = ParameterKind.TimeRange;
                    break;
                case "dropdown":
                    kind = ParameterKind.Dropdown;
                    if (query is null && choices.Count == 0)
                    {
                        bag.Add(WorkbookCodes.MissingField, type.Span, $"Drop-down parameter '{name.Value}' needs a 'query' or 'choices' to list its values.");
                    }
                    break;
                case "text":
                    kind = ParameterKind.Text;
                    break;
                default:
                    Invalid(type.Span, $"Parameter type must be timeRange, dropdown or text; found '{type.Value}'.");
                    return null;
            }
            var range = TimeSpan.FromDays(1);
            if (defaultRange is not null)
            {
                if (kind != ParameterKind.TimeRange)
                {
                    Invalid(defaultRange.Span, "'default' applies to timeRange parameters only.");
                }
                else if (!SentinelDuration.TryParse(defaultRange.Value, out range, out _) || !SelectableRanges.Contains(range))
                {
                    Invalid(defaultRange.Span, $"'default' must be one of the picker's ranges: {string.Join(", ", SelectableRanges.Select(Queries.KqlLiteral.Timespan))}; found '{defaultRange.Value}'.");
                    range = TimeSpan.FromDays(1);
                }
            }
            if (multiSelect && kind != ParameterKind.Dropdown)
            {
                Invalid(map.Take("multiSelect")!.Value.Span, "'multiSelect' applies to dropdown parameters only.");
            }
            return new ParameterSpec(name, kind, item.Span)
            {
                Label = label ?? name.Value,
                Description = description,
                MultiSelect = multiSelect && kind == ParameterKind.Dropdown,
                Query = kind == ParameterKind.Dropdown ? query : null,
                Choices = choices,
                DefaultRange = range,
                Hidden = hidden,
            };
        }

        private List<SectionSpec> ReadSections(MappingReader map, YamlMapping root)
        {
            var result = new List<SectionSpec>();
            if (map.Sequence("sections") is not { } found)
            {
                bag.Add(WorkbookCodes.MissingField, root.Span, "'sections' must list the workbook's sections and their tiles.");
                return result;
            }
            foreach (var (item, index) in map.MappingItems(found.Sequence, "sections"))
            {
                var reader = map.Nested(item, $"sections[{index}]");
                var title = Required(reader, "title", item.Span);
                var text = reader.Text("text")?.Value;
                var visibility = ReadVisibility(reader);
                var tiles = new List<TileSpec>();
                if (reader.Sequence("tiles") is { } tileList)
                {
                    foreach (var (tileItem, tileIndex) in reader.MappingItems(tileList.Sequence, "tiles"))
                    {
                        var tileReader = reader.Nested(tileItem, $"sections[{index}].tiles[{tileIndex}]");
                        if (ReadTile(tileReader, tileItem) is { } tile)
                        {
                            tiles.Add(tile);
                        }
                        tileReader.ReportUnknownKeys(Format);
                    }
                }
                if (tiles.Count == 0 && text is null)
                {
                    bag.Add(WorkbookCodes.MissingField, item.Span, $"Section {index + 1} has neither 'text' nor 'tiles'.");
                }
                reader.ReportUnknownKeys(Format);
                if (title is not null)
                {
                    result.Add(new SectionSpec(title, item.Span) { Text = text, VisibleWhen = visibility, Tiles = tiles });
                }
            }
            return result;
        }

        private TileSpec? ReadTile(MappingReader map, YamlMapping item)
        {
            var markdown = map.Text("markdown");
            var title = map.Text("title");
            var query = ReadQuery(map, "query");
            var name = map.Text("name");
            var width = map.Integer("width");
            var visibility = ReadVisibility(map);
            if (width is not null && width.Value is < 1 or > 100)
            {
                Invalid(width.Span, $"'width' is a percentage of the row, 1 to 100; found {width.Value}.");
            }
            if (name is not null && !TileNamePattern().IsMatch(name.Value))
            {
                Invalid(name.Span, $"Tile name '{name.Value}' must be lower-case letters, digits and dashes.");
            }
            if (markdown is not null)
            {
                if (query is not null)
                {
                    Invalid(map.Take("query")!.Key.Span, "A tile is either 'markdown' or a 'query', not both.");
                }
                return new MarkdownTile(name?.Value ?? "text-" + item.Start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Span, markdown.Value)
                {
                    Width = width?.Value ?? 100,
                    VisibleWhen = visibility,
                };
            }
            if (title is null || query is null)
            {
                bag.Add(WorkbookCodes.MissingField, item.Span,
                    $"A tile needs 'markdown', or a 'title' and a 'query' (missing: {string.Join(", ", new[] { title is null ? "title" : null, query is null ? "query" : null }.OfType<string>())}).");
                return null;
            }
            var visualization = Visualization.Grid;
            if (map.Text("visualization") is { } viz)
            {
                if (!VisualizationNames.BySpecName.TryGetValue(viz.Value, out visualization))
                {
                    Invalid(viz.Span, $"'visualization' must be one of grid, timechart, barchart, piechart, tiles; found '{viz.Value}'.");
                }
            }
            DrillDown? drillDown = null;
            if (map.Map("drillDown") is { } dd)
            {
                var ddReader = map.Nested(dd.Mapping, "drillDown");
                var column = Required(ddReader, "column", dd.Mapping.Span);
                var parameter = Required(ddReader, "parameter", dd.Mapping.Span);
                ddReader.ReportUnknownKeys(Format);
                if (column is not null && parameter is not null)
                {
                    drillDown = new DrillDown(column, parameter, dd.Entry.Key.Span);
                }
            }
            TileColumns? tileColumns = null;
            if (map.Map("tiles") is { } tc)
            {
                var tcReader = map.Nested(tc.Mapping, "tiles");
                var tileTitle = Required(tcReader, "title", tc.Mapping.Span);
                var value = Required(tcReader, "value", tc.Mapping.Span);
                var subtitle = tcReader.Text("subtitle");
                tcReader.ReportUnknownKeys(Format);
                if (tileTitle is not null && value is not null)
                {
                    tileColumns = new TileColumns(tileTitle, value, subtitle);
                }
            }
            if (visualization == Visualization.Tiles && tileColumns is null)
            {
                bag.Add(WorkbookCodes.MissingField, item.Span, "A 'tiles' visualization needs 'tiles: {title: <column>, value: <column>}'.");
            }
            return new QueryTile(name?.Value ?? Slug(title.Value), item.Span, title, query)
            {
                Width = width?.Value ?? 100,
                VisibleWhen = visibility,
                Visualization = visualization,
                DrillDown = drillDown,
                MayBeEmpty = map.Text("mayBeEmpty")?.Value,
                TileColumns = tileColumns,
                NoDataMessage = map.Text("noDataMessage")?.Value,
                OptionalTables = map.Boolean("optionalTables")?.Value ?? false,
            };
        }

        private Visibility? ReadVisibility(MappingReader map)
        {
            if (map.Map("visibleWhen") is not { } found)
            {
                return null;
            }
            var reader = map.Nested(found.Mapping, "visibleWhen");
            var parameter = Required(reader, "parameter", found.Mapping.Span);
            var equals = reader.Text("equals");
            var notEquals = reader.Text("notEquals");
            reader.ReportUnknownKeys(Format);
            if (parameter is null)
            {
                return null;
            }
            if ((equals is null) == (notEquals is null))
            {
                Invalid(found.Entry.Key.Span, "'visibleWhen' needs exactly one of 'equals' or 'notEquals'.");
                return null;
            }
            return equals is not null
                ? new Visibility(parameter, VisibilityComparison.IsEqualTo, equals.Value, found.Entry.Key.Span)
                : new Visibility(parameter, VisibilityComparison.IsNotEqualTo, notEquals!.Value, found.Entry.Key.Span);
        }

        private QueryText? ReadQuery(MappingReader map, string key)
        {
            var entry = map.Take(key);
            if (entry is null)
            {
                return null;
            }
            if (entry.Value is not YamlScalar scalar)
            {
                bag.Add(LoadingCodes.WrongValueType, entry.Value.Span, $"'{map.PathOf(key)}' must be KQL text, found a {entry.Value.KindName}.");
                return null;
            }
            if (string.IsNullOrWhiteSpace(scalar.Value))
            {
                bag.Add(WorkbookCodes.MissingField, scalar.Span, $"'{map.PathOf(key)}' is empty.");
                return null;
            }
            var sourceMap = QuerySourceMap.Create(source.Text, source.Lines, scalar, parentIndent: entry.Key.Start.Column - 1);
            return new QueryText(scalar.Value, scalar.Span, entry.Key.Span, sourceMap);
        }

        private Located<string>? Required(MappingReader map, string key, SourceSpan owner)
        {
            var value = map.Text(key);
            if (value is null)
            {
                if (!map.InvalidKeys.Contains(key))
                {
                    bag.Add(WorkbookCodes.MissingField, map.Mapping.Find(key, ignoreCase: true)?.Key.Span ?? owner, $"'{map.PathOf(key)}' is required.");
                }
                return null;
            }
            if (string.IsNullOrWhiteSpace(value.Value))
            {
                bag.Add(WorkbookCodes.MissingField, value.Span, $"'{map.PathOf(key)}' is empty.");
                return null;
            }
            return value;
        }

        private void Invalid(SourceSpan span, string message) => bag.Add(WorkbookCodes.InvalidValue, span, message);
    }

    /// <summary>A tile name from its title: lower-case words joined by dashes.</summary>
    public static string Slug(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var slug = NonWord().Replace(title.ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "tile" : slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]{0,99}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex ParameterNamePattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,79}$")]
    private static partial Regex TileNamePattern();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonWord();
}
