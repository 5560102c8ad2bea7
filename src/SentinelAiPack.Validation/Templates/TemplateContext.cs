using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Validation.Templates.Data;

namespace SentinelAiPack.Validation.Templates;

/// <summary>What rules may consult besides the item: the whole content set (for uniqueness) and the reference data.</summary>
public sealed class TemplateContext
{
    private readonly Dictionary<(ContentKind, string), ContentItem> _firstById = [];
    private readonly Dictionary<(ContentKind, string), ContentItem> _firstByFileName = [];

    public TemplateContext(ContentSet content, TemplateValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        Content = content;
        Options = options;
        ConnectorIds = new HashSet<string>(ConnectorIdCatalog.BuiltIn.Concat(options.ExtraConnectorIds), StringComparer.Ordinal);
        foreach (var item in content.Items)
        {
            if (NormalizedId(item) is { } id)
            {
                _firstById.TryAdd((item.Kind, id), item);
            }
            _firstByFileName.TryAdd((item.Kind, item.FileName.ToUpperInvariant()), item);
        }
    }

    public ContentSet Content { get; }

    public TemplateValidationOptions Options { get; }

    /// <summary>Built-in connector ids plus the repository's extra ones.</summary>
    public IReadOnlySet<string> ConnectorIds { get; }

    /// <summary>The first item of the same kind with the same id, when that is another item.</summary>
    public ContentItem? EarlierItemWithSameId(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return NormalizedId(item) is { } id && _firstById.TryGetValue((item.Kind, id), out var first) && !ReferenceEquals(first, item) ? first : null;
    }

    /// <summary>The first item of the same kind with the same file name (case-insensitive), when that is another item.</summary>
    public ContentItem? EarlierItemWithSameFileName(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _firstByFileName.TryGetValue((item.Kind, item.FileName.ToUpperInvariant()), out var first) && !ReferenceEquals(first, item) ? first : null;
    }

    /// <summary>Ids compare as GUIDs when they parse (case and braces do not matter), otherwise as trimmed text.</summary>
    private static string? NormalizedId(ContentItem item)
    {
        var text = item.Id?.Value.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return Guid.TryParse(text, out var guid) ? guid.ToString("D") : text.ToUpperInvariant();
    }
}
