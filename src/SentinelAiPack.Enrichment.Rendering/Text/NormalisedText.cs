using System.Text;
using System.Text.RegularExpressions;

namespace SentinelAiPack.Enrichment.Rendering.Text;

/// <summary>
/// Attacker text in the form patterns can be trusted on: invisible characters removed (and kept as
/// <see cref="TextMarker"/>s anchored where they were), broken surrogates taken out, line breaks made <c>\n</c>, and,
/// when folding, every run between them in Unicode compatibility form (NFKC: full-width and other look-alike forms
/// become the ASCII they imitate). Redaction and defanging edit <see cref="Text"/>; <see cref="Render"/> puts the
/// markers back as visible text afterwards, so an invisible character can neither split a secret nor hide.
/// </summary>
internal sealed class NormalisedText
{
    private List<TextMarker> _markers;

    private NormalisedText(string text, List<TextMarker> markers, int folded)
    {
        Text = text;
        _markers = markers;
        CompatibilityFolded = folded;
    }

    /// <summary>The visible text every pattern runs on.</summary>
    public string Text { get; private set; }

    /// <summary>How many characters were made visible (markers that stand for hostile code points).</summary>
    public int MadeVisible => _markers.Sum(m => m.MadeVisible);

    /// <summary>How many characters NFKC changed (full-width letters, ligatures, …); 0 when not folding.</summary>
    public int CompatibilityFolded { get; }

    /// <summary>The markers, in text order.</summary>
    public IReadOnlyList<TextMarker> Markers => _markers;

    /// <summary>Normalises <paramref name="raw"/>; <paramref name="foldCompatibility"/> applies NFKC to the visible runs.</summary>
    public static NormalisedText From(string raw, bool foldCompatibility)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var output = new StringBuilder(raw.Length);
        var segment = new StringBuilder();
        var markers = new List<TextMarker>();
        var tags = new StringBuilder();
        var tagCount = 0;
        var folded = 0;
        var previousWasVisible = false;

        void FlushSegment()
        {
            if (segment.Length == 0)
            {
                return;
            }

            var text = segment.ToString();
            var normal = foldCompatibility ? Fold(text) : text;
            if (!string.Equals(normal, text, StringComparison.Ordinal))
            {
                folded += CountDifferences(text, normal);
            }

            output.Append(normal);
            segment.Clear();
        }

        void Mark(TextMarker marker)
        {
            FlushSegment();
            markers.Add(marker);
        }

        void FlushTags()
        {
            if (tagCount > 0)
            {
                Mark(TextMarker.HiddenTagText(output.Length + segment.Length, tags.ToString(), tagCount));
                tags.Clear();
                tagCount = 0;
            }
        }

        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            int codePoint;
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                codePoint = char.ConvertToUtf32(c, raw[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                FlushTags();
                Mark(TextMarker.Literal(output.Length + segment.Length, "\uFFFD", ordinary: false));
                previousWasVisible = true;
                continue;
            }
            else
            {
                codePoint = c;
            }

            if (InvisibleCharacters.IsTag(codePoint))
            {
                tagCount++;
                if (InvisibleCharacters.TagAscii(codePoint) is { } ascii)
                {
                    tags.Append(ascii);
                }

                continue;
            }

            FlushTags();
            if (codePoint is '\r' or '\n' or '\t')
            {
                segment.Append(codePoint == '\r' ? '\n' : (char)codePoint);
                if (codePoint == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n')
                {
                    i++;
                }

                previousWasVisible = false;
                continue;
            }

            if (codePoint == 0xFE0F && previousWasVisible)
            {
                // One emoji presentation selector after a visible character is ordinary text, but it still must not
                // split a secret: it is shown where it was, outside the patterns' view.
                Mark(TextMarker.Literal(output.Length + segment.Length, "\uFE0F", ordinary: true));
                previousWasVisible = false;
                continue;
            }

            if (InvisibleCharacters.IsHostile(codePoint))
            {
                Mark(TextMarker.CodePoint(output.Length + segment.Length, codePoint));
                previousWasVisible = false;
                continue;
            }

            if (codePoint > char.MaxValue)
            {
                segment.Append(raw[i - 1]).Append(raw[i]);
            }
            else
            {
                segment.Append((char)codePoint);
            }

            previousWasVisible = true;
        }

        FlushTags();
        FlushSegment();
        return new NormalisedText(output.ToString(), markers, folded);
    }

    /// <summary>
    /// Replaces every match of <paramref name="regex"/> by what <paramref name="edits"/> returns for it (edits relative
    /// to the text, inside the match, in order). Markers inside a replaced span move to its end, so the reader still
    /// sees that the secret hid an invisible character, without the pieces of the secret around it.
    /// </summary>
    public int Replace(Regex regex, Func<Match, IEnumerable<TextEdit>> edits)
    {
        ArgumentNullException.ThrowIfNull(regex);
        ArgumentNullException.ThrowIfNull(edits);
        var all = new List<TextEdit>();
        foreach (Match match in regex.Matches(Text))
        {
            all.AddRange(edits(match));
        }

        Apply(all);
        return all.Count;
    }

    /// <summary>Replaces the whole text (fail closed); every marker that says something moves to the end.</summary>
    public void ReplaceAll(string replacement) => Apply([new TextEdit(0, Text.Length, replacement)]);

    /// <summary>The text with every marker rendered at its position; decoded tag text goes through <paramref name="cleanHidden"/>.</summary>
    public string Render(Func<string, string> cleanHidden)
    {
        ArgumentNullException.ThrowIfNull(cleanHidden);
        if (_markers.Count == 0)
        {
            return Text;
        }

        var output = new StringBuilder(Text.Length + (_markers.Count * 8));
        var at = 0;
        foreach (var marker in _markers)
        {
            output.Append(Text, at, marker.Position - at).Append(marker.Render(cleanHidden));
            at = marker.Position;
        }

        return output.Append(Text, at, Text.Length - at).ToString();
    }

    private void Apply(List<TextEdit> edits)
    {
        if (edits.Count == 0)
        {
            return;
        }

        var output = new StringBuilder(Text.Length);
        var markers = new List<TextMarker>(_markers.Count);
        var at = 0;
        var shift = 0;
        var next = 0;
        foreach (var edit in edits)
        {
            for (; next < _markers.Count && _markers[next].Position <= edit.Start; next++)
            {
                markers.Add(_markers[next].At(_markers[next].Position + shift));
            }

            output.Append(Text, at, edit.Start - at).Append(edit.Replacement);
            shift += edit.Replacement.Length - edit.Length;
            var end = edit.Start + edit.Length;
            for (; next < _markers.Count && _markers[next].Position < end; next++)
            {
                if (_markers[next].KeepWhenReplaced)
                {
                    markers.Add(_markers[next].At(end + shift));
                }
            }

            at = end;
        }

        for (; next < _markers.Count; next++)
        {
            markers.Add(_markers[next].At(_markers[next].Position + shift));
        }

        Text = output.Append(Text, at, Text.Length - at).ToString();
        _markers = markers;
    }

    private static string Fold(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Only invalid code points make Normalize throw, and those were taken out; keep the text if one slips by.
            return text;
        }
    }

    // A rough count for the statistics: characters of the shorter form that differ, plus the change in length.
    private static int CountDifferences(string before, string after)
    {
        var common = Math.Min(before.Length, after.Length);
        var differences = Math.Abs(before.Length - after.Length);
        for (var i = 0; i < common; i++)
        {
            if (before[i] != after[i])
            {
                differences++;
            }
        }

        return differences;
    }
}

/// <summary>One replacement in a <see cref="NormalisedText"/>: <paramref name="Length"/> characters from <paramref name="Start"/>.</summary>
internal readonly record struct TextEdit(int Start, int Length, string Replacement);
