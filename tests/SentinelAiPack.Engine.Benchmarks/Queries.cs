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

    /// <summary>Correlating two tables on a session id.</summary>
    public const string Join = """
        Requests
        | join kind=inner Responses on SessionId
        | summarize Pairs = count()
        """;
}
