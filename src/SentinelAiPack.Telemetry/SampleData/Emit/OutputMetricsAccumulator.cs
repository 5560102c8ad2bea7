namespace SentinelAiPack.Telemetry.SampleData.Emit;

/// <summary>
/// Per deployment and hour, what the model calls looked like; written to AIModelOutputMetrics_CL at the end the
/// way the pack's metrics job would publish it. Memory grows with deployments x hours, not with traffic.
/// </summary>
internal sealed class OutputMetricsAccumulator
{
    private readonly SortedDictionary<(string Deployment, DateTime Hour), Bucket> _buckets = new();

    public void Answer(string app, string deployment, string model, string version, DateTime t, int userIndex, int outputTokens,
        int inputTokens, int chars, bool refused, bool flagged, bool blocked, bool failed, bool toolCalls, int latencyMs)
    {
        var hour = new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc);
        if (!_buckets.TryGetValue((deployment, hour), out var bucket))
        {
            bucket = new Bucket();
            _buckets.Add((deployment, hour), bucket);
        }

        bucket.Apps.Add(app);
        bucket.Models[(model, version)] = bucket.Models.GetValueOrDefault((model, version)) + 1;
        bucket.Users.Add(userIndex);
        bucket.OutputTokens.Add(outputTokens);
        bucket.InputTokens += inputTokens;
        bucket.Chars += chars;
        bucket.Refusals += refused ? 1 : 0;
        bucket.Flagged += flagged ? 1 : 0;
        bucket.Blocked += blocked ? 1 : 0;
        bucket.Failed += failed ? 1 : 0;
        bucket.ToolCalls += toolCalls ? 1 : 0;
        bucket.LatencyMs += latencyMs;
    }

    public IEnumerable<(string Deployment, DateTime Hour, Bucket Bucket)> Buckets => _buckets.Select(b => (b.Key.Deployment, b.Key.Hour, b.Value));

    internal sealed class Bucket
    {
        public SortedSet<string> Apps { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<(string Model, string Version), int> Models { get; } = new();

        public HashSet<int> Users { get; } = [];

        public List<int> OutputTokens { get; } = [];

        public long InputTokens { get; set; }

        public long Chars { get; set; }

        public int Refusals { get; set; }

        public int Flagged { get; set; }

        public int Blocked { get; set; }

        public int Failed { get; set; }

        public int ToolCalls { get; set; }

        public long LatencyMs { get; set; }
    }
}
