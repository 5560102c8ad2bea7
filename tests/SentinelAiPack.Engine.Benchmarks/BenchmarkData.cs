using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Benchmarks;

/// <summary>Synthetic sign-in style events, generated deterministically (fixed seed).</summary>
public static class BenchmarkData
{
    public static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public static readonly RowSchema EventSchema = new(
    [
        new ColumnInfo("TimeGenerated", ScalarKind.DateTime),
        new ColumnInfo("User", ScalarKind.String),
        new ColumnInfo("Action", ScalarKind.String),
        new ColumnInfo("ClientIp", ScalarKind.String),
        new ColumnInfo("Bytes", ScalarKind.Long),
    ]);

    /// <summary>Rows spread over 2 days before <see cref="Now"/>; 2,000 users, 4 actions, 5,000 client IPs.</summary>
    public static Table Events(int rows, int seed = 42)
    {
        var random = new Random(seed);
        var users = Enumerable.Range(0, 2000).Select(i => $"user{i}@contoso.com").ToArray();
        string[] actions = ["login", "read", "write", "delete"];
        var ips = Enumerable.Range(0, 5000).Select(i => $"10.{i / 250}.{i % 250}.{random.Next(1, 255)}").ToArray();
        var time = new long[rows];
        var user = new string[rows];
        var action = new string[rows];
        var ip = new string[rows];
        var bytes = new long[rows];
        var start = Now.AddDays(-2).Ticks;
        var span = TimeSpan.FromDays(2).Ticks;
        for (var i = 0; i < rows; i++)
        {
            time[i] = start + (long)(random.NextDouble() * span);
            user[i] = users[random.Next(users.Length)];
            action[i] = actions[random.Next(actions.Length)];
            ip[i] = ips[random.Next(ips.Length)];
            bytes[i] = random.Next(0, 100_000);
        }
        return new Table(EventSchema,
        [
            new Column<long>(ScalarKind.DateTime, time),
            new Column<string>(ScalarKind.String, user),
            new Column<string>(ScalarKind.String, action),
            new Column<string>(ScalarKind.String, ip),
            new Column<long>(ScalarKind.Long, bytes),
        ]);
    }

    /// <summary>A key/value table for joins: <paramref name="rows"/> rows over <paramref name="distinctKeys"/> keys.</summary>
    public static Table Keyed(string valueColumn, int rows, int distinctKeys, int seed)
    {
        var random = new Random(seed);
        var keys = new string[rows];
        var values = new long[rows];
        var names = Enumerable.Range(0, distinctKeys).Select(i => $"session-{i:D7}").ToArray();
        for (var i = 0; i < rows; i++)
        {
            keys[i] = names[random.Next(distinctKeys)];
            values[i] = random.Next();
        }
        return new Table(new RowSchema([new ColumnInfo("SessionId", ScalarKind.String), new ColumnInfo(valueColumn, ScalarKind.Long)]),
        [
            new Column<string>(ScalarKind.String, keys),
            new Column<long>(ScalarKind.Long, values),
        ]);
    }
}
