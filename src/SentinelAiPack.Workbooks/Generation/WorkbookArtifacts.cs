using System.Text.Json.Nodes;
using SentinelAiPack.Content.Json;
using SentinelAiPack.Workbooks.Queries;
using SentinelAiPack.Workbooks.Specs;

namespace SentinelAiPack.Workbooks.Generation;

/// <summary>Everything the build writes for one workbook; the strings are the exact file contents (LF, final newline).</summary>
public sealed record WorkbookArtifactSet(
    WorkbookSpec Spec,
    JsonObject Gallery,
    JsonObject ArmTemplate,
    JsonObject Metadata)
{
    /// <summary><c>&lt;Key&gt;.json</c>: the gallery template (Azure-Sentinel <c>Workbooks/</c> format).</summary>
    public string GalleryJson => CanonicalJson.SerializeInOrder(Gallery);

    /// <summary>The deployable ARM template (one <c>Microsoft.Insights/workbooks</c> resource, <c>workspace</c> parameter).</summary>
    public string ArmTemplateJson => CanonicalJson.SerializeInOrder(ArmTemplate);

    /// <summary>The entry for <c>WorkbooksMetadata.json</c> (an array of such entries).</summary>
    public string MetadataJson => CanonicalJson.SerializeInOrder(Metadata);

    public string GalleryFileName => WorkbookMetadataEntry.TemplateFileName(Spec);
}

/// <summary>The entry point the build calls: spec (and the pack's rule catalog) in, deterministic artifacts out.</summary>
public static class WorkbookArtifacts
{
    public static WorkbookArtifactSet Generate(WorkbookSpec spec, RuleCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var gallery = GalleryTemplateWriter.Write(spec, catalog);
        return new WorkbookArtifactSet(spec, gallery, WorkbookArmTemplate.Write(spec, gallery), WorkbookMetadataEntry.Write(spec));
    }

    /// <summary><c>WorkbooksMetadata.json</c> for several workbooks, ordered by key.</summary>
    public static string MetadataFile(IEnumerable<WorkbookArtifactSet> artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var array = new JsonArray();
        foreach (var set in artifacts.OrderBy(a => a.Spec.Key.Value, StringComparer.Ordinal))
        {
            array.Add(set.Metadata.DeepClone());
        }
        return CanonicalJson.SerializeInOrder(array);
    }
}
