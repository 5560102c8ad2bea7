namespace SentinelAiPack.Engine.Simulation;

/// <summary>
/// When a rule runs over a range: as if enabled at <c>from</c>, every frequency after it up to and including
/// <c>to</c> (from + f, from + 2f, ...); each run reads (time - period, time]. Seven days at 15 minutes are 672 runs.
/// Sentinel starts a rule's runs five minutes after their scheduled time to absorb ingestion delay; the window is the
/// scheduled one, so simulated data (no delay) gives the same results.
/// </summary>
public static class RunGrid
{
    /// <summary>More runs than this for one rule is refused (a one-minute NRT rule over a year is 525,600 runs).</summary>
    public const int MaxRuns = 200_000;

    public static IReadOnlyList<RunWindow> Windows(DateTime from, DateTime to, TimeSpan frequency, TimeSpan period)
    {
        if (frequency <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(frequency), "The frequency must be positive.");
        }
        if (to <= from)
        {
            return [];
        }
        var count = (to.Ticks - from.Ticks) / frequency.Ticks;
        if (count > MaxRuns)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"{count:N0} runs at {Durations.Format(frequency)} in this range; at most {MaxRuns:N0} per rule.");
        }
        var windows = new List<RunWindow>((int)count);
        for (var k = 1L; k <= count; k++)
        {
            var now = from.AddTicks(k * frequency.Ticks);
            windows.Add(new RunWindow(now - period, now));
        }
        return windows;
    }
}
