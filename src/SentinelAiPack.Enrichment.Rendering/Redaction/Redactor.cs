using System.Text.RegularExpressions;
using SentinelAiPack.Enrichment.Rendering.Text;

namespace SentinelAiPack.Enrichment.Rendering.Redaction;

/// <summary>
/// Replaces secrets and configured personal data with <c>[REDACTED:name]</c>. The patterns run on the normalised
/// text (<see cref="NormalisedText"/>: invisible characters taken out, NFKC applied), so neither a zero-width
/// character inside a key nor full-width letters hide it; ASCII hidden in tag characters is redacted too.
/// </summary>
public sealed class Redactor
{
    private readonly IReadOnlyList<RedactionPattern> _patterns;

    /// <summary>Uses the built-in secret patterns (unless <paramref name="redactSecrets"/> is false) and <paramref name="piiPatterns"/>.</summary>
    public Redactor(bool redactSecrets = true, IReadOnlyList<RedactionPattern>? piiPatterns = null)
    {
        _patterns = [.. redactSecrets ? SecretPatterns.All : [], .. piiPatterns ?? PiiPatterns.Default];
    }

    /// <summary>
    /// Returns the redacted text, with invisible characters shown as visible markers, and the number of replacements.
    /// </summary>
    public (string Text, int Redactions) Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = NormalisedText.From(text, foldCompatibility: true);
        var count = Redact(normalised);
        var rendered = normalised.Render(hidden =>
        {
            var (clean, redactions) = Redact(hidden);
            count += redactions;
            return clean;
        });
        return (rendered, count);
    }

    /// <summary>Redacts <paramref name="text"/> in place; returns the number of replacements.</summary>
    internal int Redact(NormalisedText text)
    {
        var count = 0;
        foreach (var pattern in _patterns)
        {
            try
            {
                count += text.Replace(pattern.Regex, m => pattern.Validator is { } validate && !validate(m.Value)
                    ? []
                    : [new TextEdit(m.Index, m.Length, $"[REDACTED:{pattern.Name}]")]);
            }
            catch (RegexMatchTimeoutException)
            {
                // Fail closed: text we could not scan in time is not shown.
                var length = text.Text.Length;
                text.ReplaceAll($"[REDACTED:unscannable text of {length} characters]");
                return count + 1;
            }
        }

        return count;
    }
}
