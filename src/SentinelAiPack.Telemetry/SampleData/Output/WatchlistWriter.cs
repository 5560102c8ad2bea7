using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Output;

/// <summary>
/// The watchlists the simulated tenant's SOC would have filled in, as <c>watchlists/&lt;alias&gt;.csv</c> beside the
/// tables (the layout <c>aipack run --data</c> and the workbook preview read): only those that describe the tenant's
/// own infrastructure, which no query can infer from the logs.
/// </summary>
internal static class WatchlistWriter
{
    public const string Folder = "watchlists";

    public static void Write(string outDir, SimulatedTenant tenant)
    {
        var folder = Path.Combine(outDir, Folder);
        Directory.CreateDirectory(folder);
        // The training compute subnets: AITrainingActivity reads firewall egress only for these sources.
        WriteSearchKeys(folder, "AIPackTrainingSubnets", [tenant.Ml.TrainingSubnet]);
    }

    private static void WriteSearchKeys(string folder, string alias, IEnumerable<string> keys) =>
        File.WriteAllText(Path.Combine(folder, alias + ".csv"), "SearchKey\n" + string.Concat(keys.Select(k => k + "\n")));
}
