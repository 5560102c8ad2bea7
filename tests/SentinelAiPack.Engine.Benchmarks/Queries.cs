namespace SentinelAiPack.Engine.Benchmarks;

/// <summary>The benchmarked queries (docs/engine.md, "Performance").</summary>
public static class Queries
{
    /// <summary>A typical detection: filter the lookback, bin by hour, aggregate per bin.</summary>
    public const string FilterAggregate = """
        SigninEvents
        | where TimeGenerated > ago(1d) and Action == "login"
        | extend Hour = bin(TimeGenerated, 1h)
        | summarize Attempts = count(), Users = dcount(User), Bytes = sum(Bytes) by Hour
        """;

    /// <summary>A pack-style rule: the tree includes the bound expansion of the AIConversationTurns parser.</summary>
    public const string ParserRule = """
        AIConversationTurns(ago(1h), now())
        | where Role == "user" and Content has_any ("ignore all previous instructions", "developer mode")
        | summarize Attempts = count(), First = min(TimeGenerated) by UserPrincipalName, SessionId
        """;

    /// <summary>Correlating two tables on a session id.</summary>
    public const string Join = """
        Requests
        | join kind=inner Responses on SessionId
        | summarize Pairs = count()
        """;

    /// <summary>A 15-minute rule: the run's window, one action, rare enough to alert on (about 1 in 2,000 rows).</summary>
    public const string WindowFilter = """
        SigninEvents
        | where TimeGenerated > ago(15m) and Action == "delete" and Bytes > 99950
        | project TimeGenerated, User, ClientIp, Bytes
        """;
}
