using SentinelAiPack.Telemetry.SampleData.Emit;
using SentinelAiPack.Telemetry.SampleData.Traffic;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Output;

/// <summary>
/// The watchlists the simulated tenant's SOC would have filled in, as <c>watchlists/&lt;alias&gt;.csv</c> beside the
/// tables (the layout <c>aipack run --data</c> and the workbook preview read): only those that describe the tenant's
/// own infrastructure and approved behaviour (its subnets, domains, pipelines, destinations, owners), which no query
/// can infer from the logs and which each rule's tuning section tells customers to create. Nothing here names an
/// attacker's identity or destination: the scenarios must still alert with these lists in place.
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
        // The package feeds, storage and sign-in endpoints the training firewall policy allows.
        WriteSearchKeys(folder, "AIPackTrainingEgressAllowlist", tenant.Ml.AllowedFqdns);
        // The MLOps service principal submits the scheduled jobs and refreshes their data, the training compute's
        // managed identity reads it; only the MLOps pipeline ships models (registers and deploys).
        WriteSearchKeys(folder, "AIPackTrainingPipelineIdentities", Identities(tenant.Services["mlops"], tenant.Services["training"]));
        WriteSearchKeys(folder, "AIPackReleasePipelineIdentities", Identities(tenant.Services["mlops"]));
        // The organisation's own mail domain and its partners': mail to them is ordinary business.
        WriteSearchKeys(folder, "AIPackAllowedEmailDomains", [SimulatedTenant.Domain, .. TextBank.PartnerDomains]);
        // The company's own domain, and the sites and partners the sales assistant's tools reach by design.
        WriteSearchKeys(folder, "AIPackInternalDomains", [SimulatedTenant.Domain]);
        WriteSearchKeys(folder, "AIPackAgentAllowedDestinations",
            [.. Counterparts.PublicSites.Select(u => new Uri(u).Host), .. TextBank.PartnerDomains]);
        // Knowledge-base writers: each index's document owners on that index only (index:UPN; not the authors of documents
        // a scenario planted), the indexer service and
        // the indexer's address (the search indexing log names only the caller IP).
        WriteSearchKeys(folder, "AIPackKnowledgeBaseWriters",
            [.. tenant.Indexes.SelectMany(i => i.Documents.Where(d => !d.Planted).Select(d => i.Name + ":" + d.Owner)), .. Identities(tenant.Services["indexer"]), KnowledgeBaseEmitter.IndexerIp]);
        // Tools the application owners accept to run without a person approving each call (self-service password
        // reset to the user's own registered phone; invoice payments below the finance agent's approval limit).
        WriteSearchKeys(folder, "AIPackUnattendedTools", BenignScripts.UnattendedTools);
    }

    private static IEnumerable<string> Identities(params ServiceIdentity[] services) =>
        services.SelectMany(s => new[] { s.Name, s.AppId, s.ObjectId });

    private static void WriteSearchKeys(string folder, string alias, IEnumerable<string> keys) =>
        File.WriteAllText(Path.Combine(folder, alias + ".csv"),
            "SearchKey\n" + string.Concat(keys.Distinct(StringComparer.OrdinalIgnoreCase).Select(k => k + "\n")));
}
