using System.Globalization;
using System.Text;

namespace SentinelAiPack.Enrichment.Rendering.Text;

/// <summary>
/// Makes hostile Unicode visible instead of active: invalid surrogates become U+FFFD; bidirectional controls,
/// zero-width and other invisible characters, control characters and variation-selector smuggling become
/// <c>[U+XXXX]</c>; runs of Unicode tag characters (U+E0000–U+E007F, used to hide ASCII instructions from readers)
/// become <c>[hidden tag text: "…"]</c> with the ASCII they encode. Line breaks are normalised to <c>\n</c>.
/// </summary>
public static class UnicodeVisibility
{
    /// <summary>Returns the visible form of <paramref name="text"/> and how many characters were made visible.</summary>
    public static (string Text, int Changed) MakeVisible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var output = new StringBuilder(text.Length);
        var tagRun = new StringBuilder();
        var tagCount = 0;
        var changed = 0;
        var previousWasVisible = false;

        void FlushTags()
        {
            if (tagCount == 0)
            {
                return;
            }

            output.Append(tagRun.Length > 0 ? $"[hidden tag text: \"{tagRun}\"]" : $"[{tagCount} Unicode tag characters]");
            changed += tagCount;
            tagRun.Clear();
            tagCount = 0;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            int codePoint;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(c, text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                FlushTags();
                output.Append('\uFFFD');
                changed++;
                previousWasVisible = true;
                continue;
            }
            else
            {
                codePoint = c;
            }

            if (codePoint is >= 0xE0000 and <= 0xE007F)
            {
                tagCount++;
                if (codePoint is >= 0xE0020 and <= 0xE007E)
                {
                    tagRun.Append((char)(codePoint - 0xE0000));
                }

                continue;
            }

            FlushTags();
            if (codePoint == '\r')
            {
                output.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                previousWasVisible = false;
                continue;
            }

            if (codePoint is '\n' or '\t')
            {
                output.Append((char)codePoint);
                previousWasVisible = false;
                continue;
            }

            // One emoji presentation selector after a visible character is ordinary text; anything else is not.
            var ordinaryEmojiSelector = codePoint == 0xFE0F && previousWasVisible;
            if (!ordinaryEmojiSelector && IsHostile(codePoint))
            {
                output.Append("[U+").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture)).Append(']');
                changed++;
                previousWasVisible = false;
                continue;
            }

            output.Append(char.ConvertFromUtf32(codePoint));
            previousWasVisible = codePoint != 0xFE0F;
        }

        FlushTags();
        return (output.ToString(), changed);
    }

    private static bool IsHostile(int codePoint) => codePoint switch
    {
        < 0x20 or 0x7F => true,                          // C0 controls (tab and newline handled before), DEL
        >= 0x80 and <= 0x9F => true,                    // C1 controls
        0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x180E or 0x3164 or 0xFFA0 => true,
        >= 0x200B and <= 0x200F => true,                // zero-width space/joiners, LRM, RLM
        >= 0x2028 and <= 0x202E => true,                // line/paragraph separators, bidi embeddings and overrides
        >= 0x2060 and <= 0x206F => true,                // word joiner, invisible operators, bidi isolates, deprecated format
        0xFEFF => true,                                 // zero-width no-break space / BOM
        >= 0xFE00 and <= 0xFE0F => true,                // variation selectors
        >= 0xE0100 and <= 0xE01EF => true,              // supplementary variation selectors (smuggling)
        0xFFF9 or 0xFFFA or 0xFFFB => true,             // interlinear annotation
        0xFFFE or 0xFFFF => true,                       // noncharacters
        _ => false,
    };
}
