namespace SentinelAiPack.Build.Contributors;

/// <summary>
/// The order in which artifacts are deployed so that a first deploy into an empty workspace succeeds: tables before the
/// parsers that read them, parsers before the rules and queries that call them, playbooks before the automation rules
/// that run them.
/// </summary>
public enum DeploymentStep
{
    Tables = 1,
    Parsers = 2,
    AnalyticsRules = 3,
    HuntingQueries = 4,
    Workbooks = 5,
    Playbooks = 6,
    AutomationRules = 7,
}

public static class DeploymentSteps
{
    /// <summary>The folder of a step below <c>arm/</c>; the number keeps folders listed in deployment order.</summary>
    public static string Folder(DeploymentStep step) => step switch
    {
        DeploymentStep.Tables => "1-tables",
        DeploymentStep.Parsers => "2-parsers",
        DeploymentStep.AnalyticsRules => "3-analytics-rules",
        DeploymentStep.HuntingQueries => "4-hunting-queries",
        DeploymentStep.Workbooks => "5-workbooks",
        DeploymentStep.Playbooks => "6-playbooks",
        DeploymentStep.AutomationRules => "7-automation-rules",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "unknown deployment step"),
    };

    /// <summary>The name used on the command line (<c>--only</c>) and in reports.</summary>
    public static string Name(DeploymentStep step) => Folder(step)[2..];

    public static DeploymentStep? Parse(string name) =>
        Enum.GetValues<DeploymentStep>().Cast<DeploymentStep?>().FirstOrDefault(s => Name(s!.Value).Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
}
