using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Content.Loading;

/// <summary>The result of loading one file: the item (null when the file could not be used) and the findings.</summary>
public sealed record ContentLoadResult(ContentItem? Item, IReadOnlyList<Diagnostic> Diagnostics);
