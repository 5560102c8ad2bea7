namespace SentinelAiPack.Enrichment.Rendering;

/// <summary>
/// A rendered comment and what was done to its content (counts only, never the removed values, so the numbers can be
/// logged safely). <see cref="UnicodeFolded"/> counts characters NFKC changed (full-width and other look-alike forms).
/// </summary>
public sealed record RenderedComment(string Html, bool Truncated, int FullLength, int Redactions, int UnicodeMadeVisible, int LinksDefanged, int UnicodeFolded = 0);
