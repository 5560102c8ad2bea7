using System.Text.Json.Nodes;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Generation;

/// <summary>
/// One entry of Azure-Sentinel's <c>Workbooks/WorkbooksMetadata.json</c> (schema
/// <c>.script/utils/schemas/workbooksMetadataSchema.json</c>: eleven required fields, no others than the documented
/// optional ones). Preview image names follow the checker's rule: PNG, one "Black" and one "White".
/// </summary>
public static class WorkbookMetadataEntry
{
    public const string Provider = "SentinelAiPack";

    public static IReadOnlyList<string> RequiredFields { get; } =
    [
        "workbookKey", "logoFileName", "description", "dataTypesDependencies", "dataConnectorsDependencies",
        "previewImagesFileNames", "version", "title", "templateRelativePath", "subtitle", "provider",
    ];

    public static IReadOnlyList<string> OptionalFields { get; } =
    [
        "featureFlag", "source", "author", "support", "categories", "threatAnalysisTactics", "threatAnalysisTechniques",
    ];

    /// <summary>The file name of the gallery template in the build output.</summary>
    public static string TemplateFileName(WorkbookSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Key.Value + ".json";
    }

    /// <summary>Preview images the gallery shows (dark and light theme screenshots).</summary>
    public static IReadOnlyList<string> PreviewImages(WorkbookSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return [spec.Key.Value + "Black.png", spec.Key.Value + "White.png"];
    }

    public static JsonObject Write(WorkbookSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new JsonObject
        {
            ["workbookKey"] = spec.Key.Value,
            ["logoFileName"] = spec.LogoFileName,
            ["description"] = spec.Description.Value.Trim(),
            ["dataTypesDependencies"] = Strings(spec.DataTypes.Select(d => d.Value)),
            ["dataConnectorsDependencies"] = Strings(spec.DataConnectors.Select(d => d.Value)),
            ["previewImagesFileNames"] = Strings(PreviewImages(spec)),
            ["version"] = spec.Version.Value,
            ["title"] = spec.Title.Value,
            ["templateRelativePath"] = TemplateFileName(spec),
            ["subtitle"] = spec.Subtitle,
            ["provider"] = Provider,
            ["support"] = new JsonObject { ["tier"] = "Community" },
            ["categories"] = new JsonObject { ["domains"] = Strings(["Security - Threat Protection"]) },
        };
    }

    private static JsonArray Strings(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values.Where(v => v.Length > 0))
        {
            array.Add(value);
        }
        return array;
    }
}
