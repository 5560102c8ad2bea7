using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Settings;

namespace SentinelAiPack.Validation.Templates;

/// <summary>Repository-specific additions to the built-in template data.</summary>
public sealed record TemplateValidationOptions
{
    public static TemplateValidationOptions Default { get; } = new();

    /// <summary>Connector ids accepted besides the built-in list (aipack.yaml <c>extraConnectorIds</c> and <c>connectorIdsFile</c>).</summary>
    public IReadOnlyCollection<string> ExtraConnectorIds { get; init; } = [];

    /// <summary>Codes not to run (e.g. from a CLI switch); suppressions with justification are handled by the validation pipeline.</summary>
    public IReadOnlyCollection<string> DisabledCodes { get; init; } = [];

    /// <summary>
    /// Options from a settings file: <c>extraConnectorIds</c> plus the ids of <c>connectorIdsFile</c> (read here; its
    /// problems go to <paramref name="diagnostics"/>).
    /// </summary>
    public static TemplateValidationOptions FromSettings(ContentSettings? settings, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (settings is null)
        {
            return Default;
        }
        var ids = new List<string>(settings.ExtraConnectorIds);
        if (settings.ConnectorIdsFile is { } file)
        {
            var bag = new DiagnosticBag(file);
            ids.AddRange(SettingsLoader.ReadConnectorIds(file, bag));
            foreach (var diagnostic in bag.Items)
            {
                diagnostics.Add(diagnostic);
            }
        }
        return new TemplateValidationOptions { ExtraConnectorIds = ids };
    }
}
