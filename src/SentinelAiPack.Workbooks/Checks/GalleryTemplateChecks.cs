using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SentinelAiPack.Workbooks.Checks;

/// <summary>
/// The structural checks the Azure-Sentinel repository applies to workbook templates and their metadata
/// (<c>.script/utils/workbookCheckers</c>, <c>workbooksMetadataSchema.json</c>), plus the item shapes of §2.2 of the
/// Sentinel content format notes. Each returns human-readable problems; none means the artifact would pass.
/// </summary>
public static partial class GalleryTemplateChecks
{
    private static readonly HashSet<int> KnownItemTypes = [1, 3, 9, 12];

    /// <summary>Checks on the gallery template text (as written to <c>&lt;Key&gt;.json</c>).</summary>
    public static IReadOnlyList<string> CheckTemplate(string galleryJson)
    {
        ArgumentNullException.ThrowIfNull(galleryJson);
        var problems = new List<string>();
        // containResourceInfoChecker.ts: no "subscriptions/<GUID>" anywhere in the file.
        var resource = ResourceReference().Match(galleryJson);
        if (resource.Success)
        {
            problems.Add($"Contains info of a resource at offset {resource.Index}. A workbook template must not contain any references to resources.");
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(galleryJson);
        }
        catch (JsonException e)
        {
            problems.Add("The template is not valid JSON: " + e.Message);
            return problems;
        }
        if (root is not JsonObject template)
        {
            problems.Add("The template must be a JSON object.");
            return problems;
        }
        // fromTemplateIdChecker.ts
        var fromTemplateId = template["fromTemplateId"]?.GetValueKind() == JsonValueKind.String ? template["fromTemplateId"]!.GetValue<string>() : null;
        if (fromTemplateId is null || !fromTemplateId.StartsWith("sentinel-", StringComparison.Ordinal))
        {
            problems.Add("'fromTemplateId' must be 'sentinel-<workbookKey>'.");
        }
        if (fromTemplateId == "sentinel-UserWorkbook")
        {
            problems.Add("Value for \"fromTemplateId\" must be other than \"sentinel-UserWorkbook\".");
        }
        // workbook.json schema: version and items are required.
        if (template["version"]?.GetValueKind() != JsonValueKind.String || template["version"]!.GetValue<string>() != "Notebook/1.0")
        {
            problems.Add("'version' must be \"Notebook/1.0\".");
        }
        if (template["items"] is not JsonArray items || items.Count == 0)
        {
            problems.Add("'items' must be a non-empty array.");
            return problems;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        CheckItems(items, "items", names, problems);
        return problems;
    }

    private static void CheckItems(JsonArray items, string path, HashSet<string> names, List<string> problems)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var where = $"{path}[{i}]";
            if (items[i] is not JsonObject item)
            {
                problems.Add($"{where} must be an object.");
                continue;
            }
            var type = item["type"]?.GetValueKind() == JsonValueKind.Number ? item["type"]!.GetValue<int>() : -1;
            if (!KnownItemTypes.Contains(type))
            {
                problems.Add($"{where}: 'type' must be 1 (markdown), 3 (query), 9 (parameters) or 12 (group), found {item["type"]?.ToJsonString() ?? "nothing"}.");
                continue;
            }
            if (item["content"] is not JsonObject content)
            {
                problems.Add($"{where}: 'content' (object) is required.");
                continue;
            }
            if (item["name"]?.GetValueKind() != JsonValueKind.String)
            {
                problems.Add($"{where}: 'name' (string) is required.");
            }
            else if (!names.Add(item["name"]!.GetValue<string>()))
            {
                problems.Add($"{where}: item name '{item["name"]}' is used twice.");
            }
            if (item["customWidth"] is { } width && (width.GetValueKind() != JsonValueKind.String || !int.TryParse(width.GetValue<string>(), out _)))
            {
                problems.Add($"{where}: 'customWidth' must be a number written as a string.");
            }
            if (item["conditionalVisibility"] is { } visibility)
            {
                CheckVisibility(visibility, where, problems);
            }
            switch (type)
            {
                case 1:
                    RequireString(content, "json", where, problems);
                    break;
                case 3:
                    CheckQuery(content, where, problems);
                    break;
                case 9:
                    CheckParameters(content, where, problems);
                    break;
                case 12:
                    if (content["version"]?.ToString() != "NotebookGroup/1.0")
                    {
                        problems.Add($"{where}: a group's content.version must be \"NotebookGroup/1.0\".");
                    }
                    if (content["items"] is JsonArray children)
                    {
                        CheckItems(children, where + ".content.items", names, problems);
                    }
                    else
                    {
                        problems.Add($"{where}: a group needs content.items.");
                    }
                    break;
            }
        }
    }

    private static void CheckQuery(JsonObject content, string where, List<string> problems)
    {
        Expect(content, "version", "KqlItem/1.0", where, problems);
        RequireString(content, "query", where, problems);
        if (content["queryType"]?.GetValueKind() != JsonValueKind.Number || content["queryType"]!.GetValue<int>() != 0)
        {
            problems.Add($"{where}: a Log Analytics query item needs queryType 0.");
        }
        Expect(content, "resourceType", "microsoft.operationalinsights/workspaces", where, problems);
        RequireString(content, "visualization", where, problems);
        if (content["exportParameterName"] is not null && content["exportFieldName"]?.GetValueKind() != JsonValueKind.String)
        {
            problems.Add($"{where}: 'exportParameterName' needs 'exportFieldName'.");
        }
        if (content["visualization"]?.ToString() == "tiles" && content["tileSettings"] is not JsonObject)
        {
            problems.Add($"{where}: a tiles visualization needs 'tileSettings'.");
        }
    }

    private static void CheckParameters(JsonObject content, string where, List<string> problems)
    {
        Expect(content, "version", "KqlParameterItem/1.0", where, problems);
        if (content["parameters"] is not JsonArray parameters)
        {
            problems.Add($"{where}: a parameters item needs content.parameters.");
            return;
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parameters.Count; i++)
        {
            var at = $"{where}.content.parameters[{i}]";
            if (parameters[i] is not JsonObject p)
            {
                problems.Add($"{at} must be an object.");
                continue;
            }
            Expect(p, "version", "KqlParameterItem/1.0", at, problems);
            RequireString(p, "name", at, problems);
            if (p["id"]?.GetValueKind() != JsonValueKind.String || !Guid.TryParse(p["id"]!.GetValue<string>(), out _) || !ids.Add(p["id"]!.GetValue<string>()))
            {
                problems.Add($"{at}: 'id' must be a unique GUID.");
            }
            var type = p["type"]?.GetValueKind() == JsonValueKind.Number ? p["type"]!.GetValue<int>() : -1;
            if (type is not (1 or 2 or 4))
            {
                problems.Add($"{at}: 'type' must be 1 (text), 2 (drop down) or 4 (time range).");
            }
            if (type == 2 && p["query"] is null && p["jsonData"] is null)
            {
                problems.Add($"{at}: a drop down needs 'query' or 'jsonData'.");
            }
            if (type == 2 && p["query"] is not null &&
                (p["queryType"]?.GetValueKind() != JsonValueKind.Number || p["resourceType"]?.ToString() != "microsoft.operationalinsights/workspaces"))
            {
                problems.Add($"{at}: a drop down fed by a query needs queryType 0 and the workspace resourceType.");
            }
        }
    }

    private static void CheckVisibility(JsonNode visibility, string where, List<string> problems)
    {
        if (visibility is not JsonObject v || v["parameterName"]?.GetValueKind() != JsonValueKind.String ||
            v["comparison"]?.ToString() is not ("isEqualTo" or "isNotEqualTo") || v["value"]?.GetValueKind() != JsonValueKind.String)
        {
            problems.Add($"{where}: 'conditionalVisibility' needs parameterName, comparison (isEqualTo|isNotEqualTo) and a string value.");
        }
    }

    /// <summary>Checks on one <c>WorkbooksMetadata.json</c> entry (the repository's JSON schema and checkers).</summary>
    public static IReadOnlyList<string> CheckMetadata(JsonObject entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var problems = new List<string>();
        var allowed = Generation.WorkbookMetadataEntry.RequiredFields.Concat(Generation.WorkbookMetadataEntry.OptionalFields).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, _) in entry)
        {
            if (!allowed.Contains(key))
            {
                problems.Add($"'{key}' is not allowed (the metadata schema has additionalProperties: false).");
            }
        }
        foreach (var field in Generation.WorkbookMetadataEntry.RequiredFields)
        {
            if (entry[field] is null)
            {
                problems.Add($"'{field}' is required.");
            }
        }
        foreach (var field in new[] { "workbookKey", "logoFileName", "description", "version", "title", "templateRelativePath", "subtitle", "provider" })
        {
            if (entry[field] is { } value && value.GetValueKind() != JsonValueKind.String)
            {
                problems.Add($"'{field}' must be a string.");
            }
        }
        foreach (var field in new[] { "dataTypesDependencies", "dataConnectorsDependencies" })
        {
            if (entry[field] is JsonArray values)
            {
                // emptyDependencyFormat.ts and the schema's minLength 1: [] when empty, never [""].
                if (values.Any(v => v?.GetValueKind() != JsonValueKind.String || v.GetValue<string>().Length == 0))
                {
                    problems.Add($"'{field}' items must be non-empty strings (an empty dependency list is [], not [\"\"]).");
                }
            }
            else if (entry[field] is not null)
            {
                problems.Add($"'{field}' must be an array.");
            }
        }
        // previewImageChecker.ts: PNG files, each named Black/black/White/white, at least one of each.
        if (entry["previewImagesFileNames"] is JsonArray images)
        {
            var names = images.Select(i => i?.ToString() ?? string.Empty).ToList();
            if (names.Any(n => !n.EndsWith(".png", StringComparison.Ordinal)))
            {
                problems.Add("Preview images must be .png files.");
            }
            if (names.Any(n => !(n.Contains("Black", StringComparison.Ordinal) || n.Contains("black", StringComparison.Ordinal) ||
                                 n.Contains("White", StringComparison.Ordinal) || n.Contains("white", StringComparison.Ordinal))))
            {
                problems.Add("Every preview image name must contain Black or White.");
            }
            if (!names.Any(n => n.Contains("black", StringComparison.OrdinalIgnoreCase)) || !names.Any(n => n.Contains("white", StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add("Preview images need at least one black-theme and one white-theme image.");
            }
        }
        if (entry["version"]?.GetValueKind() == JsonValueKind.String && !Version.TryParse(entry["version"]!.GetValue<string>(), out _))
        {
            problems.Add("'version' must be a version number such as 1.0.0.");
        }
        return problems;
    }

    /// <summary>uniqueWorkbookKeyChecker.ts: keys that appear more than once.</summary>
    public static IReadOnlyList<string> DuplicateKeys(IEnumerable<JsonObject> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Select(e => e["workbookKey"]?.ToString() ?? string.Empty)
            .GroupBy(k => k, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();
    }

    private static void RequireString(JsonObject obj, string key, string where, List<string> problems)
    {
        if (obj[key]?.GetValueKind() != JsonValueKind.String || obj[key]!.GetValue<string>().Length == 0)
        {
            problems.Add($"{where}: '{key}' (non-empty string) is required.");
        }
    }

    private static void Expect(JsonObject obj, string key, string expected, string where, List<string> problems)
    {
        if (obj[key]?.GetValueKind() != JsonValueKind.String || obj[key]!.GetValue<string>() != expected)
        {
            problems.Add($"{where}: '{key}' must be \"{expected}\".");
        }
    }

    [GeneratedRegex(@"subscriptions\/[0-9a-fA-F]{8}\-[0-9a-fA-F]{4}\-[0-9a-fA-F]{4}\-[0-9a-fA-F]{4}\-[0-9a-fA-F]{12}")]
    private static partial Regex ResourceReference();
}
