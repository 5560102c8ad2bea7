using System.Text.RegularExpressions;

namespace SentinelAiPack.Validation.Templates.Data;

/// <summary>
/// ATT&amp;CK Enterprise technique → tactics (embedded <c>attack-enterprise-techniques.json</c>). Lookups strip a
/// sub-technique suffix (<c>T1562.001</c> → <c>T1562</c>) the way Sentinel's template check does.
/// </summary>
public static partial class AttackTechniqueCatalog
{
    private static readonly Lazy<(string Version, Dictionary<string, IReadOnlyList<string>> Techniques)> Data = new(Load);

    public static string AttackVersion => Data.Value.Version;

    public static IReadOnlyCollection<string> TechniqueIds => Data.Value.Techniques.Keys;

    /// <summary>True for <c>T1234</c> and <c>T1234.567</c>.</summary>
    public static bool IsTechniqueId(string? text) => text is not null && TechniqueIdPattern().IsMatch(text.Trim());

    /// <summary>The parent technique id of <paramref name="technique"/> (upper-cased, sub-technique removed).</summary>
    public static string ParentOf(string technique)
    {
        ArgumentNullException.ThrowIfNull(technique);
        var trimmed = technique.Trim().ToUpperInvariant();
        var dot = trimmed.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? trimmed : trimmed[..dot];
    }

    /// <summary>The Sentinel tactic names of a technique, or null when it is not an Enterprise technique.</summary>
    public static IReadOnlyList<string>? TacticsOf(string technique) =>
        Data.Value.Techniques.TryGetValue(ParentOf(technique), out var tactics) ? tactics : null;

    private static (string, Dictionary<string, IReadOnlyList<string>>) Load()
    {
        using var document = EmbeddedData.Open("attack-enterprise-techniques.json");
        var root = document.RootElement;
        var techniques = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.GetProperty("techniques").EnumerateObject())
        {
            techniques[property.Name] = property.Value.EnumerateArray().Select(v => v.GetString()!).ToList();
        }
        return (root.GetProperty("attackVersion").GetString()!, techniques);
    }

    [GeneratedRegex(@"^T\d{4}(\.\d{3})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TechniqueIdPattern();
}
