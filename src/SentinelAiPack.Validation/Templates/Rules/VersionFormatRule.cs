using System.Text.RegularExpressions;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>version is X.Y.Z, all numbers, at most 20 characters (rules and hunting queries).</summary>
public sealed partial class VersionFormatRule : TemplateRule
{
    public const int MaxLength = 20;

    public override DiagnosticDescriptor Descriptor => TemplateCodes.VersionFormat;

    public override string Description => "version is X.Y.Z (three numbers) and at most 20 characters.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        if (item is not DetectionTemplate { Version: { } version })
        {
            yield break;
        }
        if (!VersionPattern().IsMatch(version.Value))
        {
            yield return Report(item, version.Span, $"version '{version.Value}' must be in format X.Y.Z (all numbers), e.g. 1.0.0.");
        }
        else if (version.Value.Length > MaxLength)
        {
            yield return Report(item, version.Span, $"version is {version.Value.Length} characters long; the limit is {MaxLength}.");
        }
    }

    [GeneratedRegex(@"^(\d+\.)(\d+\.)(\d+)$")]
    private static partial Regex VersionPattern();
}
