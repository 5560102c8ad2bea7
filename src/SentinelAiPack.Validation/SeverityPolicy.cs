using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation;

/// <summary>
/// Severity per item kind: strictness Sentinel itself does not enforce on an item is a warning there, never an
/// error, and says why. One table, applied once to every finding of a run and rendered into docs/diagnostics.md.
/// </summary>
public static class SeverityPolicy
{
    /// <summary>A finding of <paramref name="Code"/> on items of <paramref name="Kinds"/> is lowered to a warning for <paramref name="Reason"/>.</summary>
    public sealed record Rule(string Code, IReadOnlyList<ContentKind> Kinds, string Reason);

    private const string FreeFormTags =
        "Sentinel checks tactics and techniques against ATT&CK only on analytics rules; on a hunting query they are free-form tags";

    public static IReadOnlyList<Rule> Rules { get; } =
    [
        new("SAP1028", [ContentKind.HuntingQuery], FreeFormTags),
        new("SAP1029", [ContentKind.HuntingQuery], FreeFormTags),
    ];

    /// <summary>Lowers findings the table names to warnings and appends the reason to their message.</summary>
    public static IEnumerable<Diagnostic> Apply(IEnumerable<Diagnostic> diagnostics, ContentSet content)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(content);
        var kinds = new Dictionary<string, ContentKind>(StringComparer.Ordinal);
        foreach (var item in content.Items)
        {
            kinds.TryAdd(item.FilePath, item.Kind);
        }
        foreach (var diagnostic in diagnostics)
        {
            var rule = diagnostic.Severity == DiagnosticSeverity.Error && kinds.TryGetValue(diagnostic.FilePath, out var kind)
                ? Rules.FirstOrDefault(r => r.Code == diagnostic.Code && r.Kinds.Contains(kind))
                : null;
            yield return rule is null
                ? diagnostic
                : diagnostic with { Severity = DiagnosticSeverity.Warning, Message = $"{diagnostic.Message} (Warning: {rule.Reason}.)" };
        }
    }
}
