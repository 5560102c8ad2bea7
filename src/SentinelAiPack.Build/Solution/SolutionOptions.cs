using SentinelAiPack.Content.Settings;

namespace SentinelAiPack.Build.Solution;

/// <summary>
/// Identity of the Content Hub solution: this pack's by default, a customer's from the <c>solution:</c> block of their
/// aipack.yaml (<see cref="From"/>). Fixed values only: the package must not depend on when it was built.
/// </summary>
public sealed record SolutionOptions
{
    public string Name { get; init; } = "SentinelAiPack";

    public string DisplayName { get; init; } = "SentinelAiPack - AI/ML workload detections";

    public string PublisherId { get; init; } = "sentinelaipack";

    public string OfferId { get; init; } = "sentinel-ai-pack";

    /// <summary>Solution version (x.y.z); raise it for every release (<c>aipack build --solution-version</c>).</summary>
    public string Version { get; init; } = "1.0.0";

    public string PublisherDisplayName { get; init; } = "SentinelAiPack maintainers";

    public string AuthorName { get; init; } = "SentinelAiPack maintainers";

    public string SupportName { get; init; } = "SentinelAiPack maintainers";

    public string SupportTier { get; init; } = "Community";

    public string? SupportEmail { get; init; }

    public string? SupportLink { get; init; }

    /// <summary>Content Hub domains.</summary>
    public IReadOnlyList<string> Categories { get; init; } = ["Security - Threat Protection", "Security - Others"];

    /// <summary>Content Hub industry verticals.</summary>
    public IReadOnlyList<string> Verticals { get; init; } = [];

    /// <summary>https URL of the logo shown at the top of the install page, or null.</summary>
    public string? LogoUrl { get; init; }

    public string Description { get; init; } =
        "Analytics rules, hunting queries and normalizing parsers for AI and ML workloads: prompt injection, output policy " +
        "violations, agent tool calls, model drift, training pipelines, RAG vector stores and Defender for AI alerts.";

    /// <summary><c>&lt;publisherId&gt;.&lt;offerId&gt;</c>, the solution id Content Hub keys the package by.</summary>
    public string SolutionId => $"{PublisherId}.{OfferId}";

    /// <summary>
    /// The options for a repository's <c>solution:</c> settings over the defaults; <paramref name="version"/> (the
    /// command line's) wins over the settings'. A customer who names their solution but no offer id gets one derived
    /// from the name, so two customers' packages never share this pack's id.
    /// </summary>
    public static SolutionOptions From(SolutionSettings? settings, string? version = null)
    {
        var defaults = new SolutionOptions();
        if (settings is null)
        {
            return defaults with { Version = version ?? defaults.Version };
        }
        var name = settings.Name ?? defaults.DisplayName;
        var publisher = settings.Publisher ?? defaults.PublisherDisplayName;
        return defaults with
        {
            Name = settings.Name ?? defaults.Name,
            DisplayName = name,
            OfferId = settings.OfferId ?? (settings.Name is null ? defaults.OfferId : Slug(settings.Name)),
            PublisherId = settings.PublisherId ?? (settings.Publisher is null ? defaults.PublisherId : Slug(settings.Publisher)),
            Version = version ?? settings.Version ?? defaults.Version,
            PublisherDisplayName = publisher,
            AuthorName = publisher,
            SupportName = settings.SupportName ?? publisher,
            SupportTier = settings.SupportTier ?? (settings.Publisher is null ? defaults.SupportTier : "Partner"),
            SupportEmail = settings.SupportEmail,
            SupportLink = settings.SupportLink,
            Categories = settings.Categories.Count > 0 ? settings.Categories : defaults.Categories,
            Verticals = settings.Verticals,
            LogoUrl = settings.Logo,
            Description = settings.Description ?? (settings.Name is null ? defaults.Description : name),
        };
    }

    private static string Slug(string text)
    {
        var slug = new string(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }
        slug = slug.Trim('-');
        return slug.Length == 0 ? "solution" : slug[..Math.Min(50, slug.Length)].TrimEnd('-');
    }
}
