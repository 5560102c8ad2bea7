namespace SentinelAiPack.Build.Solution;

/// <summary>Identity of the Content Hub solution. Fixed values only: the package must not depend on when it was built.</summary>
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

    public string Description { get; init; } =
        "Analytics rules, hunting queries and normalizing parsers for AI and ML workloads: prompt injection, output policy " +
        "violations, agent tool calls, model drift, training pipelines, RAG vector stores and Defender for AI alerts.";

    /// <summary><c>&lt;publisherId&gt;.&lt;offerId&gt;</c>, the solution id Content Hub keys the package by.</summary>
    public string SolutionId => $"{PublisherId}.{OfferId}";
}
