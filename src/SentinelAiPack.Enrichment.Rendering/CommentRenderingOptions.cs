using SentinelAiPack.Enrichment.Rendering.Redaction;

namespace SentinelAiPack.Enrichment.Rendering;

/// <summary>Limits and redaction settings for incident comments.</summary>
public sealed class CommentRenderingOptions
{
    /// <summary>Documented maximum characters per Sentinel incident comment (learn.microsoft.com/azure/sentinel/sentinel-service-limits).</summary>
    public const int SentinelCommentLimit = 30_000;

    /// <summary>Maximum length of the rendered HTML, truncation marker included.</summary>
    public int MaxLength { get; init; } = SentinelCommentLimit;

    /// <summary>Redact the built-in secret patterns (JWTs, cloud keys, tokens, connection strings, private keys).</summary>
    public bool RedactSecrets { get; init; } = true;

    /// <summary>Personal-data patterns to redact; defaults to <see cref="PiiPatterns.Default"/>, empty disables.</summary>
    public IReadOnlyList<RedactionPattern> PiiPatterns { get; init; } = Redaction.PiiPatterns.Default;
}
