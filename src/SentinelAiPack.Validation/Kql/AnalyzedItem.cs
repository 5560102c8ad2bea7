using SentinelAiPack.Content.Model;
using SentinelAiPack.Kql;

namespace SentinelAiPack.Validation.Kql;

/// <summary>A content item together with what the analyzer said about its query.</summary>
public sealed record AnalyzedItem(ContentItem Item, QueryText Query, KqlAnalysis Analysis);
