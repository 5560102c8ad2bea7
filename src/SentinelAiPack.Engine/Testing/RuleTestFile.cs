using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Yaml;

namespace SentinelAiPack.Engine.Testing;

/// <summary>What a case expects the rule to do with its events.</summary>
public enum Expectation
{
    Fires,
    Silent,
}

/// <summary>Rows for one table of a case: inline records, or a file (JSON array, JSON Lines, CSV) beside the tests file.</summary>
public sealed record CaseTable(string Name, IReadOnlyList<IReadOnlyDictionary<string, YamlNode>>? Rows, string? File, SourceSpan Span);

/// <summary>One test case of a <c>name.tests.yaml</c> file.</summary>
public sealed record RuleTestCase(string Name, Expectation Expect, SourceSpan Span)
{
    public long? Rows { get; init; }

    /// <summary>Values some output row must have (column → expected value as written).</summary>
    public IReadOnlyDictionary<string, YamlNode> Columns { get; init; } = new Dictionary<string, YamlNode>();

    public IReadOnlyList<CaseTable> Data { get; init; } = [];

    public IReadOnlyList<CaseTable> Watchlists { get; init; } = [];

    /// <summary>Rows for externaldata URIs, by URI.</summary>
    public IReadOnlyList<CaseTable> ExternalData { get; init; } = [];

    public DateTime? ReferenceTime { get; init; }

    /// <summary>Overrides the file's lookback for this case.</summary>
    public LookbackSetting? Lookback { get; init; }

    /// <summary>
    /// Entity, custom-detail or alert-detail columns a firing case may leave empty: what the case's source does not
    /// log (a gateway log has no conversation id, a search log no user).
    /// </summary>
    public IReadOnlyList<string> AllowEmpty { get; init; } = [];
}

/// <summary>
/// How a case's tables are cut to the rule's lookback before the query runs: the rule's queryPeriod (the default for
/// analytics rules), a fixed span, or none (the default for hunting queries).
/// </summary>
public sealed record LookbackSetting(bool UseQueryPeriod, TimeSpan? Span)
{
    public static LookbackSetting QueryPeriod { get; } = new(true, null);

    public static LookbackSetting None { get; } = new(false, null);
}

/// <summary>A parsed tests file: the reference time (now() during the tests) and the cases.</summary>
public sealed record RuleTestFile(string FilePath, DateTime ReferenceTime, IReadOnlyList<RuleTestCase> Cases)
{
    public LookbackSetting? Lookback { get; init; }

    /// <summary>Watchlists shared by every case (a case's own watchlists replace them by alias).</summary>
    public IReadOnlyList<CaseTable> Watchlists { get; init; } = [];
}
