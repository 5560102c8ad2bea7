namespace SentinelAiPack.Content.Diagnostics;

/// <summary>A place in a file: 1-based line and column, and the length of the marked text (0 when unknown).</summary>
public readonly record struct SourceSpan(int Line, int Column, int Length = 0)
{
    public static SourceSpan Unknown => new(0, 0);

    public bool IsKnown => Line > 0;
}
