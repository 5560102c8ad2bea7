using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Content.Loading;

/// <summary>Everything one load produced: the items, the findings about bad input, and the sample-event files seen.</summary>
public sealed class ContentSet
{
    public ContentSet(IReadOnlyList<ContentItem> items, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<SampleTestFile> sampleFiles)
    {
        Items = items;
        Diagnostics = diagnostics;
        SampleFiles = sampleFiles;
    }

    public static ContentSet Empty { get; } = new([], [], []);

    /// <summary>Loaded items in a stable order (inputs in the order given, files in ordinal path order).</summary>
    public IReadOnlyList<ContentItem> Items { get; }

    /// <summary>Loading findings (SAP5xxx). Files with errors may still have produced an item.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public IReadOnlyList<SampleTestFile> SampleFiles { get; }

    public IEnumerable<AnalyticRule> AnalyticRules => Items.OfType<AnalyticRule>();

    public IEnumerable<HuntingQuery> HuntingQueries => Items.OfType<HuntingQuery>();

    public IEnumerable<ParserFunction> Parsers => Items.OfType<ParserFunction>();

    public IEnumerable<DetectionTemplate> Templates => Items.OfType<DetectionTemplate>();

    /// <summary>The sample-events file for <paramref name="item"/> (same folder, <c>&lt;stem&gt;.tests.yaml</c>), if any.</summary>
    public SampleTestFile? FindSampleFile(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var directory = Path.GetDirectoryName(Path.GetFullPath(item.FilePath));
        var stem = Path.GetFileNameWithoutExtension(item.FilePath);
        return SampleFiles.FirstOrDefault(sample =>
            string.Equals(sample.ItemStem, stem, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(Path.GetDirectoryName(Path.GetFullPath(sample.FilePath)), directory, StringComparison.Ordinal));
    }

    /// <summary>The content item tested by <paramref name="sample"/>, if it was loaded.</summary>
    public ContentItem? FindItemFor(SampleTestFile sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return Items.FirstOrDefault(item => FindSampleFile(item) == sample);
    }
}
