using System.Text.RegularExpressions;

namespace SentinelAiPack.Enrichment.Rendering.Redaction;

/// <summary>
/// A named pattern whose matches are replaced by <c>[REDACTED:name]</c>, optionally confirmed by a validator
/// (Luhn for card numbers, mod 97 for IBANs). Patterns run with the non-backtracking engine when they can, so hostile
/// input cannot make them slow; other patterns get a match timeout and fail closed.
/// </summary>
public sealed class RedactionPattern
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>Creates a pattern.</summary>
    /// <param name="name">Shown in the marker, e.g. <c>email</c>.</param>
    /// <param name="pattern">.NET regular expression.</param>
    /// <param name="validator">Confirms a match; null accepts every match.</param>
    public RedactionPattern(string name, string pattern, Func<string, bool>? validator = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Name = name;
        Validator = validator;
        try
        {
            Regex = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            Regex = new Regex(pattern, RegexOptions.CultureInvariant, Timeout);
        }
    }

    /// <summary>Marker name.</summary>
    public string Name { get; }

    /// <summary>The compiled expression.</summary>
    public Regex Regex { get; }

    /// <summary>Optional confirmation of a match.</summary>
    public Func<string, bool>? Validator { get; }
}
