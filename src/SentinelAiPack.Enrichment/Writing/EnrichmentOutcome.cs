using SentinelAiPack.Enrichment.Conversation;

namespace SentinelAiPack.Enrichment.Writing;

/// <summary>What one enrichment run did: counts and names only, never conversation content, so it can be logged and returned.</summary>
public sealed record EnrichmentOutcome(
    string IncidentId,
    string Enricher,
    string CommentId,
    bool CommentCreated,
    bool CommentTruncated,
    int CommentLength,
    int Redactions,
    IReadOnlyList<string> Tags,
    bool Escalate,
    bool SeverityRaised,
    IReadOnlyList<EvidenceGap> Gaps);
