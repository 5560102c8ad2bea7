using SentinelAiPack.Content.Model;
using SentinelAiPack.Kql;

namespace SentinelAiPack.Build;

/// <summary>
/// A content item as the generators see it: the loaded rule, hunting query or parser, what the analyzer said about
/// its query, and the names every artifact derives from it.
/// </summary>
public sealed class PackItem
{
    public PackItem(ContentItem item, KqlAnalysis? analysis)
    {
        ArgumentNullException.ThrowIfNull(item);
        Item = item;
        Analysis = analysis;
        Stem = Path.GetFileNameWithoutExtension(item.FilePath);
        Key = KeyOf(item);
        AlertTypeFolder = AlertTypeFolderOf(item);
    }

    public ContentItem Item { get; }

    public KqlAnalysis? Analysis { get; }

    public ContentKind Kind => Item.Kind;

    /// <summary>The item's id (lock key, ARM name source); parsers without one use their function name.</summary>
    public string Key { get; }

    /// <summary>File name without extension: output files are named after it.</summary>
    public string Stem { get; }

    /// <summary>
    /// The item's category from its folders: the alert-type folder (<c>detections/&lt;alert-type&gt;/analytics/…</c>), the
    /// solution (<c>Solutions/&lt;name&gt;/Analytic Rules/…</c>) or the data source (<c>Detections/&lt;source&gt;/…</c>,
    /// <c>Hunting Queries/&lt;source&gt;/…</c>), lower-cased; <c>parsers</c> for parsers, else <c>other</c>.
    /// </summary>
    public string AlertTypeFolder { get; }

    public string DisplayName => Item.DisplayName?.Value.Trim() is { Length: > 0 } name ? name : Stem;

    /// <summary>The item's version as written (<c>version</c>, or <c>Function.Version</c> for parsers).</summary>
    public string? Version => Item switch
    {
        DetectionTemplate template => template.Version?.Value.Trim(),
        ParserFunction parser => parser.Version?.Value.Trim(),
        _ => null,
    };

    public DetectionTemplate? Template => Item as DetectionTemplate;

    public ParserFunction? Parser => Item as ParserFunction;

    public AnalyticRule? Rule => Item as AnalyticRule;

    public string QueryText => Item.Query?.Text ?? string.Empty;

    private static string KeyOf(ContentItem item)
    {
        if (item.Id?.Value.Trim() is { Length: > 0 } id)
        {
            return Guid.TryParse(id, out var guid) ? guid.ToString("D") : id;
        }
        return item.DisplayName?.Value.Trim() is { Length: > 0 } name ? name : Path.GetFileNameWithoutExtension(item.FilePath);
    }

    // This pack's layout names the category in the folder above analytics/ or hunting/; the Azure-Sentinel layout in the
    // solution's folder (Solutions/<name>/Analytic Rules) or the data-source folder below Detections/ or Hunting Queries/.
    private static string AlertTypeFolderOf(ContentItem item)
    {
        if (item is ParserFunction)
        {
            return "parsers";
        }
        var segments = Path.GetFullPath(item.FilePath).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var i = segments.Length - 2; i > 0; i--)
        {
            var segment = segments[i];
            if (segment.Equals("analytics", StringComparison.OrdinalIgnoreCase) || segment.Equals("hunting", StringComparison.OrdinalIgnoreCase))
            {
                return segments[i - 1].ToLowerInvariant();
            }
            if (KindFolders.Contains(segment) && i >= 2 && segments[i - 2].Equals("Solutions", StringComparison.OrdinalIgnoreCase))
            {
                return segments[i - 1].ToLowerInvariant();
            }
            if (KindFolders.Contains(segment) || segment.Equals("Detections", StringComparison.OrdinalIgnoreCase))
            {
                // Detections/<data source>/rule.yaml; a file directly in the folder takes the folder's name.
                return (i + 1 <= segments.Length - 2 ? segments[i + 1] : segment).ToLowerInvariant();
            }
        }
        return "other";
    }

    private static readonly HashSet<string> KindFolders = new(["Analytic Rules", "Analytics Rules", "Hunting Queries"], StringComparer.OrdinalIgnoreCase);

    public override string ToString() => $"{Kind} {DisplayName} ({Key})";
}
