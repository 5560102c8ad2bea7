using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation.Templates.Rules;

/// <summary>
/// Ids are unique among items of the same kind (a rule and its hunting-query twin may share one, as real Microsoft
/// content does). The first item keeps the id; later ones are reported.
/// </summary>
public sealed class DuplicateIdRule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.DuplicateId;

    public override string Description => "Each id is used by one item of its kind.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (item.Id is { } id && context.EarlierItemWithSameId(item) is { } first)
        {
            yield return Report(item, id.Span, $"id '{id.Value}' is already used by {Describe(first)} in '{first.FilePath}'.");
        }
    }

    internal static string Describe(ContentItem item) => item.Kind switch
    {
        ContentKind.AnalyticRule => "the analytics rule",
        ContentKind.HuntingQuery => "the hunting query",
        _ => "the parser",
    } + (item.DisplayName is { } name ? $" '{name.Value}'" : string.Empty);
}

/// <summary>File names are unique among items of the same kind (case-insensitive), as the Azure-Sentinel repository requires.</summary>
public sealed class DuplicateFileNameRule : TemplateRule
{
    public override DiagnosticDescriptor Descriptor => TemplateCodes.DuplicateFileName;

    public override string Description => "Each file name is used by one item of its kind.";

    public override IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.EarlierItemWithSameFileName(item) is { } first)
        {
            yield return Report(item, FileStart,
                $"File name '{item.FileName}' is also used by '{first.FilePath}'; templates of one kind need unique file names.");
        }
    }
}
