using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Content.Loading;

/// <summary>Reads the pack's <c>aipack:</c> extension block.</summary>
internal static class AiPackReader
{
    public static AiPackExtension? Read(MappingReader root)
    {
        if (root.Map("aipack") is not { } found)
        {
            return null;
        }
        var reader = root.Nested(found.Mapping, "aipack");
        var suppressions = new List<Suppression>();
        if (reader.Sequence("suppressions") is { } list)
        {
            foreach (var (item, index) in reader.MappingItems(list.Sequence, "suppressions"))
            {
                var itemReader = reader.Nested(item, $"aipack.suppressions[{index}]");
                suppressions.Add(new Suppression(itemReader.Text("code"), itemReader.Text("justification"), item.Span));
                itemReader.ReportUnknownKeys("aipack suppression");
            }
        }
        var extension = new AiPackExtension(found.Entry.Key.Span)
        {
            AlertType = reader.Text("alertType"),
            DetectionBasis = reader.Text("detectionBasis"),
            Atlas = Items(reader, "atlas"),
            Owasp = Items(reader, "owasp"),
            SeverityRationale = reader.Text("severityRationale"),
            DataRequirements = Items(reader, "dataRequirements"),
            Triage = Items(reader, "triage"),
            Escalation = Items(reader, "escalation"),
            FalsePositives = Items(reader, "falsePositives"),
            Tuning = Items(reader, "tuning"),
            Suppressions = suppressions,
        };
        reader.ReportUnknownKeys("aipack extension");
        return extension;
    }

    private static IReadOnlyList<Located<string>> Items(MappingReader reader, string key) => reader.TextList(key)?.Value ?? [];
}
