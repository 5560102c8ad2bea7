using SentinelAiPack.Build.Arm;
using SentinelAiPack.Build.Workbooks;

namespace SentinelAiPack.Build.Contributors;

/// <summary>Every contributor the build runs, registered in one place (playbooks and automation rules add theirs here).</summary>
public static class ArtifactContributors
{
    public static IReadOnlyList<IArtifactContributor> Default { get; } =
    [
        new CustomTableContributor(),
        new ParserContributor(),
        new AnalyticsRuleContributor(),
        new HuntingQueryContributor(),
        new WorkbookContributor(),
    ];
}
