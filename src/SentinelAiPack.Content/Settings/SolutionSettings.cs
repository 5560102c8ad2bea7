namespace SentinelAiPack.Content.Settings;

/// <summary>
/// The <c>solution:</c> block of <c>aipack.yaml</c>: who the Content Hub package <c>aipack build</c> writes is from.
/// Every value is optional; what is not set keeps the build's default (this pack's identity).
/// </summary>
public sealed record SolutionSettings
{
    /// <summary>Display name in Content Hub.</summary>
    public string? Name { get; init; }

    /// <summary>Offer id (lower-case letters, digits and '-'); with the publisher id it keys the package.</summary>
    public string? OfferId { get; init; }

    /// <summary>Publisher display name (also the author).</summary>
    public string? Publisher { get; init; }

    /// <summary>Publisher id (lower-case letters, digits and '-').</summary>
    public string? PublisherId { get; init; }

    /// <summary>Solution version, x.y.z.</summary>
    public string? Version { get; init; }

    public string? Description { get; init; }

    /// <summary>Content Hub domains (e.g. "Security - Threat Protection").</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Content Hub industry verticals (e.g. "Finance").</summary>
    public IReadOnlyList<string> Verticals { get; init; } = [];

    /// <summary>https URL of the logo (SVG) shown at the top of the install page.</summary>
    public string? Logo { get; init; }

    /// <summary>Microsoft, Partner or Community.</summary>
    public string? SupportTier { get; init; }

    public string? SupportName { get; init; }

    public string? SupportEmail { get; init; }

    /// <summary>https URL of the support page.</summary>
    public string? SupportLink { get; init; }
}
