using System.Globalization;

namespace SentinelAiPack.Enrichment.Rendering.Text;

/// <summary>
/// Something removed from the text before redaction, anchored at a position of the remaining text and shown there
/// when the text is rendered: an invisible code point as <c>[U+XXXX]</c>, a run of tag characters with the ASCII it
/// hides, or a literal kept for display only (an ordinary emoji selector, U+FFFD for a broken surrogate).
/// </summary>
internal sealed record TextMarker(int Position, TextMarkerKind Kind, string Value, int CodePoints)
{
    /// <summary>An invisible code point, shown as its number.</summary>
    public static TextMarker CodePoint(int position, int codePoint) =>
        new(position, TextMarkerKind.CodePoint, "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture), 1);

    /// <summary>A run of tag characters and the ASCII they encode (possibly empty).</summary>
    public static TextMarker HiddenTagText(int position, string ascii, int count) => new(position, TextMarkerKind.HiddenTagText, ascii, count);

    /// <summary>Text shown as it is, not counted as made visible when <paramref name="ordinary"/>.</summary>
    public static TextMarker Literal(int position, string text, bool ordinary) =>
        new(position, ordinary ? TextMarkerKind.OrdinaryLiteral : TextMarkerKind.Literal, text, 1);

    /// <summary>Markers that said nothing about the input (an emoji selector) vanish with text that is replaced.</summary>
    public bool KeepWhenReplaced => Kind != TextMarkerKind.OrdinaryLiteral;

    /// <summary>How many hostile code points the marker stands for (0 for ordinary text).</summary>
    public int MadeVisible => Kind == TextMarkerKind.OrdinaryLiteral ? 0 : CodePoints;

    /// <summary>The marker as the reader sees it; <paramref name="cleanHidden"/> cleans decoded tag text (it may hold a secret).</summary>
    public string Render(Func<string, string> cleanHidden) => Kind switch
    {
        TextMarkerKind.CodePoint => $"[{Value}]",
        TextMarkerKind.HiddenTagText when Value.Length > 0 => $"[hidden tag text: \"{cleanHidden(Value)}\"]",
        TextMarkerKind.HiddenTagText => string.Create(CultureInfo.InvariantCulture, $"[{CodePoints} Unicode tag characters]"),
        _ => Value,
    };

    /// <summary>The same marker at another position.</summary>
    public TextMarker At(int position) => this with { Position = position };
}

/// <summary>What a <see cref="TextMarker"/> stands for.</summary>
internal enum TextMarkerKind
{
    /// <summary>An invisible or control code point.</summary>
    CodePoint,

    /// <summary>A run of Unicode tag characters.</summary>
    HiddenTagText,

    /// <summary>A replacement shown as is (U+FFFD for a broken surrogate).</summary>
    Literal,

    /// <summary>Ordinary text kept out of redaction's way (an emoji presentation selector after a visible character).</summary>
    OrdinaryLiteral,
}
