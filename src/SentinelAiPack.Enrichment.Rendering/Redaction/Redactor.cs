using System.Text.RegularExpressions;

namespace SentinelAiPack.Enrichment.Rendering.Redaction;

/// <summary>Replaces secrets and configured personal data with <c>[REDACTED:name]</c>.</summary>
public sealed class Redactor
{
    private readonly IReadOnlyList<RedactionPattern> _patterns;

    /// <summary>Uses the built-in secret patterns (unless <paramref name="redactSecrets"/> is false) and <paramref name="piiPatterns"/>.</summary>
    public Redactor(bool redactSecrets = true, IReadOnlyList<RedactionPattern>? piiPatterns = null)
    {
        _patterns = [.. redactSecrets ? SecretPatterns.All : [], .. piiPatterns ?? PiiPatterns.Default];
    }

    /// <summary>Returns the redacted text and the number of replacements.</summary>
    public (string Text, int Redactions) Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        foreach (var pattern in _patterns)
        {
            try
            {
                text = pattern.Regex.Replace(text, m =>
                {
                    if (pattern.Validator is { } validate && !validate(m.Value))
                    {
                        return m.Value;
                    }

                    count++;
                    return $"[REDACTED:{pattern.Name}]";
                });
            }
            catch (RegexMatchTimeoutException)
            {
                // Fail closed: text we could not scan in time is not shown.
                return ($"[REDACTED:unscannable text of {text.Length} characters]", count + 1);
            }
        }

        return (text, count);
    }
}
