using SentinelAiPack.Build.Arm;
using SentinelAiPack.Build.Playbooks;
using SentinelAiPack.Build.Workbooks;

namespace SentinelAiPack.Build.Contributors;

/// <summary>Every contributor the build runs, registered in one place.</summary>
public static class ArtifactContributors
{
    public static IReadOnlyList<IArtifactContributor> Default { get; } =
    [
        new CustomTableContributor(),
        new ParserContributor(),
        new AnalyticsRuleContributor(),
        new HuntingQueryContributor(),
        new WorkbookContributor(),
        new PlaybookContributor(),
    ];
}
