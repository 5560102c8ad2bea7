namespace SentinelAiPack.Validation.Templates;

/// <summary>Repository-specific additions to the built-in template data.</summary>
public sealed record TemplateValidationOptions
{
    public static TemplateValidationOptions Default { get; } = new();

    /// <summary>Connector ids accepted besides the built-in list (aipack.yaml <c>extraConnectorIds</c> and <c>connectorIdsFile</c>).</summary>
    public IReadOnlyCollection<string> ExtraConnectorIds { get; init; } = [];

    /// <summary>Codes not to run (e.g. from a CLI switch); suppressions with justification are handled by the validation pipeline.</summary>
    public IReadOnlyCollection<string> DisabledCodes { get; init; } = [];
}
