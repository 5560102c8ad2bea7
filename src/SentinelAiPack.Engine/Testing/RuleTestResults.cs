using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Engine.Testing;

public enum TestStatus
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>One case's outcome; <see cref="Message"/> says why it failed or was skipped.</summary>
public sealed record CaseResult(string Name, TestStatus Status, string? Message, int OutputRows, TimeSpan Duration);

/// <summary>The tests of one rule or hunting query.</summary>
public sealed record ItemTestResult(string ItemPath, string ItemName, string Kind, string? TestsPath, IReadOnlyList<CaseResult> Cases)
{
    /// <summary>Why every case was skipped (the engine cannot run the query), or null.</summary>
    public string? SkipReason { get; init; }

    /// <summary>Findings about the tests file or the query (SAP6xxx, with file positions).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    public TestStatus Status =>
        Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || Cases.Any(c => c.Status == TestStatus.Failed) ? TestStatus.Failed
        : SkipReason is not null || (Cases.Count > 0 && Cases.All(c => c.Status == TestStatus.Skipped)) ? TestStatus.Skipped
        : TestStatus.Passed;
}

/// <summary>Everything one <c>aipack test</c> run found.</summary>
public sealed record RuleTestReport(IReadOnlyList<ItemTestResult> Items, IReadOnlyList<string> ItemsWithoutTests)
{
    /// <summary>Loading and settings findings that are not about one item's tests.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    public int Passed => Items.Count(i => i.Status == TestStatus.Passed);

    public int Failed => Items.Count(i => i.Status == TestStatus.Failed);

    public int Skipped => Items.Count(i => i.Status == TestStatus.Skipped);

    public int CasesPassed => Items.Sum(i => i.Cases.Count(c => c.Status == TestStatus.Passed));

    public int CasesFailed => Items.Sum(i => i.Cases.Count(c => c.Status == TestStatus.Failed));

    public int CasesSkipped => Items.Sum(i => i.Cases.Count(c => c.Status == TestStatus.Skipped));

    public bool HasFailures => Failed > 0 || Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
