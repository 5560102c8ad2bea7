namespace SentinelAiPack.Telemetry.SampleData;

/// <summary>What to generate. The same options (and the same build of the generator) always give byte-identical files.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Default end of the window: a fixed date so that output does not depend on when it is generated.</summary>
    public static readonly DateTime DefaultEnd = new(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    public int Users { get; init; } = 200;

    public int Days { get; init; } = 1;

    public ulong Seed { get; init; } = 1;

    /// <summary>End of the generated window (exclusive, UTC); the window is the <see cref="Days"/> days before it.</summary>
    public DateTime End { get; init; } = DefaultEnd;

    /// <summary>Scenario names to inject (see <see cref="Scenarios.ScenarioCatalog"/>); "all" selects every one.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    /// <summary>Problems with the options, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Users is < 1 or > 1_000_000)
        {
            problems.Add($"--users must be between 1 and 1000000 (got {Users})");
        }

        if (Days is < 1 or > 366)
        {
            problems.Add($"--days must be between 1 and 366 (got {Days})");
        }

        if (End.Kind != DateTimeKind.Utc || End.TimeOfDay != TimeSpan.Zero)
        {
            problems.Add($"--end must be a UTC midnight such as 2025-07-01T00:00:00Z (got {End:O})");
        }

        var (_, unknown) = SampleData.Scenarios.ScenarioCatalog.Resolve(Scenarios);
        problems.AddRange(unknown.Select(name => $"unknown scenario '{name}' (see --list-scenarios)"));
        return problems;
    }
}
