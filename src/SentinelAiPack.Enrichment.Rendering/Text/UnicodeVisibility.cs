namespace SentinelAiPack.Enrichment.Rendering.Text;

/// <summary>
/// Makes hostile Unicode visible instead of active: invalid surrogates become U+FFFD; bidirectional controls,
/// zero-width and other invisible characters, control characters and variation-selector smuggling become
/// <c>[U+XXXX]</c>; runs of Unicode tag characters (U+E0000–U+E007F, used to hide ASCII instructions from readers)
/// become <c>[hidden tag text: "…"]</c> with the ASCII they encode. Line breaks are normalised to <c>\n</c>.
/// Text that is also redacted goes through <see cref="SafeText"/> instead, which redacts before it renders.
/// </summary>
public static class UnicodeVisibility
{
    /// <summary>Returns the visible form of <paramref name="text"/> and how many characters were made visible.</summary>
    public static (string Text, int Changed) MakeVisible(string text)
    {
        var normalised = NormalisedText.From(text, foldCompatibility: false);
        return (normalised.Render(hidden => hidden), normalised.MadeVisible);
    }
}
