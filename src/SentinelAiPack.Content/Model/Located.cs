using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Content.Model;

/// <summary>A value read from a file with the place it came from: <see cref="Span"/> marks the value, <see cref="KeySpan"/> its key.</summary>
public sealed record Located<T>(T Value, SourceSpan Span)
{
    public SourceSpan KeySpan { get; init; }

    public override string ToString() => Value?.ToString() ?? string.Empty;
}
