using System.Globalization;
using System.Text.Json.Nodes;
using SentinelAiPack.Content.Identifiers;
using SentinelAiPack.Content.Json;
using SentinelAiPack.Workbooks.Queries;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Generation;

/// <summary>
/// Writes the workbook gallery template (<c>Notebook/1.0</c>): a header, one parameters item, then one group per
/// section holding its text and tiles. Item types and fields follow Azure-Sentinel's workbooks (markdown 1, query 3,
/// parameters 9, group 12; <c>KqlItem/1.0</c> on Log Analytics workspaces).
/// </summary>
public static class GalleryTemplateWriter
{
    public const string SchemaUrl = "https://github.com/Microsoft/Application-Insights-Workbooks/blob/master/schema/workbook.json";
    public const string WorkspaceResourceType = "microsoft.operationalinsights/workspaces";
    /// <summary>Name of the first item: the title and description as markdown.</summary>
    public const string HeaderItemName = "text - header";
    private const int LogAnalyticsQuery = 0;

    public static JsonObject Write(WorkbookSpec spec, RuleCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        catalog ??= RuleCatalog.Empty;
        var items = new JsonArray
        {
            Markdown(HeaderItemName, $"# {spec.Title.Value}\n\n{spec.Description.Value.Trim()}"),
        };
        if (spec.Parameters.Count > 0)
        {
            items.Add(Parameters(spec, catalog));
        }
        foreach (var section in spec.Sections)
        {
            items.Add(Group(spec, section, catalog));
        }
        return new JsonObject
        {
            ["version"] = "Notebook/1.0",
            ["items"] = items,
            ["fallbackResourceIds"] = new JsonArray(),
            ["fromTemplateId"] = spec.TemplateId,
            ["$schema"] = SchemaUrl,
        };
    }

    /// <summary>The query as the workbook runs it: references in workbook syntax, the rule catalog prepended when used.</summary>
    public static string GalleryQuery(WorkbookSpec spec, string query, RuleCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return QueryExpander.Expand(query, spec, GalleryExpansion.Instance, catalog.PreludeFor(query)).Text;
    }

    private static JsonObject Markdown(string name, string text) => new()
    {
        ["type"] = 1,
        ["content"] = new JsonObject { ["json"] = text },
        ["name"] = name,
    };

    private static JsonObject Parameters(WorkbookSpec spec, RuleCatalog catalog)
    {
        var parameters = new JsonArray();
        foreach (var p in spec.Parameters)
        {
            parameters.Add(Parameter(spec, p, catalog));
        }
        return new JsonObject
        {
            ["type"] = 9,
            ["content"] = new JsonObject
            {
                ["version"] = "KqlParameterItem/1.0",
                ["crossComponentResources"] = new JsonArray(),
                ["parameters"] = parameters,
                ["style"] = "pills",
                ["queryType"] = LogAnalyticsQuery,
                ["resourceType"] = WorkspaceResourceType,
            },
            ["name"] = "parameters - filters",
        };
    }

    private static JsonObject Parameter(WorkbookSpec spec, ParameterSpec p, RuleCatalog catalog)
    {
        var item = new JsonObject
        {
            ["id"] = ParameterId(spec.Key.Value, p.Name.Value),
            ["version"] = "KqlParameterItem/1.0",
            ["name"] = p.Name.Value,
            ["label"] = p.Label,
        };
        switch (p.Kind)
        {
            case ParameterKind.TimeRange:
                item["type"] = 4;
                item["isRequired"] = true;
                var selectable = new JsonArray();
                foreach (var range in Loading.WorkbookSpecLoader.SelectableRanges)
                {
                    selectable.Add(new JsonObject { ["durationMs"] = (long)range.TotalMilliseconds });
                }
                item["typeSettings"] = new JsonObject { ["selectableValues"] = selectable, ["allowCustom"] = true };
                item["timeContext"] = new JsonObject { ["durationMs"] = 86400000 };
                item["value"] = new JsonObject { ["durationMs"] = (long)p.DefaultRange.TotalMilliseconds };
                break;
            case ParameterKind.Dropdown:
                item["type"] = 2;
                item["isRequired"] = false;
                item["multiSelect"] = p.MultiSelect;
                if (p.MultiSelect)
                {
                    // JSON-quoted values joined by commas: the generated queries decode them into a dynamic array.
                    item["quote"] = "\"";
                    item["delimiter"] = ",";
                }
                if (p.Query is { } query)
                {
                    item["query"] = GalleryQuery(spec, query.Text, catalog);
                }
                else
                {
                    var choices = new JsonArray();
                    foreach (var choice in p.Choices)
                    {
                        choices.Add(new JsonObject { ["value"] = choice, ["label"] = choice });
                    }
                    item["jsonData"] = CanonicalJson.SerializeCompact(choices);
                }
                // "All" selects nothing in particular: the empty value, which the queries read as "no filter".
                item["typeSettings"] = new JsonObject
                {
                    ["additionalResourceOptions"] = new JsonArray("value::all"),
                    ["selectAllValue"] = string.Empty,
                    ["showDefault"] = false,
                };
                if (spec.Parameters.FirstOrDefault(x => x.Kind == ParameterKind.TimeRange) is { } time && p.Query is not null)
                {
                    item["timeContext"] = new JsonObject { ["durationMs"] = 0 };
                    item["timeContextFromParameter"] = time.Name.Value;
                }
                item["defaultValue"] = "value::all";
                item["value"] = p.MultiSelect ? new JsonArray("value::all") : "value::all";
                if (p.Query is not null)
                {
                    item["queryType"] = LogAnalyticsQuery;
                    item["resourceType"] = WorkspaceResourceType;
                }
                break;
            default:
                item["type"] = 1;
                item["isRequired"] = false;
                if (p.Hidden)
                {
                    item["isHiddenWhenLocked"] = true;
                }
                item["timeContext"] = new JsonObject { ["durationMs"] = 86400000 };
                item["value"] = string.Empty;
                break;
        }
        if (p.Description is { } description)
        {
            item["description"] = description;
        }
        return item;
    }

    private static JsonObject Group(WorkbookSpec spec, SectionSpec section, RuleCatalog catalog)
    {
        var slug = Loading.WorkbookSpecLoader.Slug(section.Title.Value);
        var items = new JsonArray { Markdown("text - " + slug, $"## {section.Title.Value}" + (section.Text is { } text ? "\n\n" + text.Trim() : string.Empty)) };
        foreach (var tile in section.Tiles)
        {
            items.Add(tile switch
            {
                QueryTile query => Query(spec, query, catalog),
                MarkdownTile markdown => WithLayout(Markdown("text - " + markdown.Name, markdown.Text.Trim()), markdown),
                _ => throw new InvalidOperationException("unknown tile kind " + tile.GetType().Name),
            });
        }
        var group = new JsonObject
        {
            ["type"] = 12,
            ["content"] = new JsonObject
            {
                ["version"] = "NotebookGroup/1.0",
                ["groupType"] = "editable",
                ["items"] = items,
            },
            ["name"] = "group - " + slug,
        };
        AddVisibility(group, section.VisibleWhen);
        return group;
    }

    private static JsonObject Query(WorkbookSpec spec, QueryTile tile, RuleCatalog catalog)
    {
        var content = new JsonObject
        {
            ["version"] = "KqlItem/1.0",
            ["query"] = GalleryQuery(spec, tile.Query.Text, catalog),
            ["size"] = tile.Visualization == Visualization.Tiles ? 4 : 0,
            ["title"] = tile.Title.Value,
        };
        if (tile.NoDataMessage is { } noData)
        {
            content["noDataMessage"] = noData;
            content["noDataMessageStyle"] = 4;
        }
        if (spec.Parameters.FirstOrDefault(x => x.Kind == ParameterKind.TimeRange) is { } time)
        {
            content["timeContextFromParameter"] = time.Name.Value;
        }
        if (tile.DrillDown is { } drill)
        {
            content["exportFieldName"] = drill.Column.Value;
            content["exportParameterName"] = drill.Parameter.Value;
            content["exportDefaultValue"] = string.Empty;
        }
        content["queryType"] = LogAnalyticsQuery;
        content["resourceType"] = WorkspaceResourceType;
        content["visualization"] = tile.Visualization.ToWorkbookName();
        switch (tile.Visualization)
        {
            case Visualization.Grid:
                content["gridSettings"] = new JsonObject { ["filter"] = true, ["rowLimit"] = 500 };
                break;
            case Visualization.Tiles when tile.TileColumns is { } columns:
                var settings = new JsonObject
                {
                    ["titleContent"] = new JsonObject { ["columnMatch"] = columns.Title.Value, ["formatter"] = 1 },
                    ["leftContent"] = new JsonObject
                    {
                        ["columnMatch"] = columns.Value.Value,
                        ["formatter"] = 12,
                        ["formatOptions"] = new JsonObject { ["palette"] = "auto" },
                    },
                };
                if (columns.Subtitle is { } subtitle)
                {
                    settings["secondaryContent"] = new JsonObject { ["columnMatch"] = subtitle.Value, ["formatter"] = 1 };
                }
                settings["showBorder"] = true;
                content["tileSettings"] = settings;
                break;
            default:
                break;
        }
        var item = new JsonObject { ["type"] = 3, ["content"] = content };
        return WithLayout(item, tile, "query - " + tile.Name);
    }

    private static JsonObject WithLayout(JsonObject item, TileSpec tile, string? name = null)
    {
        if (tile.Width < 100)
        {
            item["customWidth"] = tile.Width.ToString(CultureInfo.InvariantCulture);
        }
        if (name is not null)
        {
            item["name"] = name;
        }
        AddVisibility(item, tile.VisibleWhen);
        return item;
    }

    private static void AddVisibility(JsonObject item, Visibility? visibility)
    {
        if (visibility is null)
        {
            return;
        }
        item["conditionalVisibility"] = new JsonObject
        {
            ["parameterName"] = visibility.Parameter.Value,
            ["comparison"] = visibility.Comparison == VisibilityComparison.IsEqualTo ? "isEqualTo" : "isNotEqualTo",
            ["value"] = visibility.Value,
        };
    }

    /// <summary>The stable id of a workbook parameter (the gallery editor wants a GUID; the same spec gives the same one).</summary>
    private static string ParameterId(string workbook, string parameter) =>
        NameBasedGuid.Sha256("aipack-workbook/" + workbook + "/parameter/" + parameter).ToString("D");
}
