using SentinelAiPack.Build.Arm;

namespace SentinelAiPack.Build.Contributors;

/// <summary>Every contributor the build runs, registered in one place (workbooks and playbooks add theirs here).</summary>
public static class ArtifactContributors
{
    public static IReadOnlyList<IArtifactContributor> Default { get; } =
    [
        new CustomTableContributor(),
        new ParserContributor(),
        new AnalyticsRuleContributor(),
        new HuntingQueryContributor(),
    ];
}
