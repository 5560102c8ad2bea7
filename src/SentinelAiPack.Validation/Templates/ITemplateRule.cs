using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Model;

namespace SentinelAiPack.Validation.Templates;

/// <summary>
/// One template constraint (Bicep-linter style): a stable code, a default severity, a one-line description,
/// and a check of one content item in the context of the whole content set.
/// </summary>
public interface ITemplateRule
{
    DiagnosticDescriptor Descriptor { get; }

    /// <summary>One line saying what the rule requires, for docs and <c>--list-rules</c>.</summary>
    string Description { get; }

    IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context);
}

/// <summary>Shared plumbing for rules: reports carry the rule's code, the item's file and the rule's name as source.</summary>
public abstract class TemplateRule : ITemplateRule
{
    public abstract DiagnosticDescriptor Descriptor { get; }

    public abstract string Description { get; }

    public abstract IEnumerable<Diagnostic> Validate(ContentItem item, TemplateContext context);

    protected Diagnostic Report(ContentItem item, SourceSpan span, string message)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Descriptor.Create(item.FilePath, span, message) with { Source = GetType().Name };
    }

    /// <summary>Where "the field is missing" findings point: the start of the file.</summary>
    protected static SourceSpan FileStart => new(1, 1);
}
