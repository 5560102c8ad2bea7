using SentinelAiPack.Telemetry.SampleData.Randomness;

namespace SentinelAiPack.Telemetry.SampleData.World;

/// <summary>
/// Everything the simulated organisation owns: people, AI applications, model deployments, knowledge bases, the
/// ML estate and service identities. Built once from the seed; traffic and scenarios only read it (except
/// knowledge-base documents a scenario plants).
/// </summary>
public sealed class SimulatedTenant
{
    public const string Domain = "contoso.com";
    public const string ResourceGroup = "rg-ai-prod";
    public const string OpenAIAccount = "contoso-aoai-prod";
    public const string ApimService = "contoso-apim";
    public const string SearchService = "contoso-search";
    public const string Region = "westeurope";

    private SimulatedTenant(SeededRandom random, int userCount)
    {
        WorkspaceId = random.GuidString();
        EntraTenantId = random.GuidString();
        SubscriptionId = random.GuidString();
        AwsAccountId = (100000000000L + random.Next(899999999)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        People = BuildPeople(random, userCount);
        Services = new Dictionary<string, ServiceIdentity>(StringComparer.Ordinal)
        {
            ["mlops"] = Service(random, "sp-mlops-pipeline"),
            ["training"] = Service(random, "mi-aml-training-compute"),
            ["collector"] = Service(random, "sp-aipack-inventory-collector"),
            ["indexer"] = Service(random, "sp-kb-indexer"),
            ["scoring-client"] = Service(random, "mi-fraud-scoring-client"),
        };
        var deployments = BuildDeployments(random);
        Deployments = deployments;
        Indexes = BuildIndexes(random);
        Ml = BuildMl(random, deployments);
        Apps = BuildApps(random, deployments, Indexes);
    }

    public string WorkspaceId { get; }

    public string EntraTenantId { get; }

    public string SubscriptionId { get; }

    public string AwsAccountId { get; }

    public IReadOnlyList<Person> People { get; }

    public IReadOnlyDictionary<string, ServiceIdentity> Services { get; }

    public IReadOnlyList<ModelDeployment> Deployments { get; }

    public IReadOnlyList<KnowledgeIndex> Indexes { get; }

    public IReadOnlyList<AiApp> Apps { get; }

    public MlEstate Ml { get; }

    public IEnumerable<Person> MlEngineers => People.Where(p => p.IsMlEngineer);

    public IEnumerable<Person> Deployers => People.Where(p => p.IsDeployer);

    public string OpenAIResourceId => ArmId("Microsoft.CognitiveServices/accounts", OpenAIAccount);

    public string ApimResourceId => ArmId("Microsoft.ApiManagement/service", ApimService);

    public string SearchResourceId => ArmId("Microsoft.Search/searchServices", SearchService);

    public string FirewallResourceId => ArmId("Microsoft.Network/azureFirewalls", "fw-ai-egress");

    public string AppInsightsResourceId => ArmId("Microsoft.Insights/components", "appi-ai-apps");

    public string StorageResourceId(string account) => ArmId("Microsoft.Storage/storageAccounts", account);

    public AiApp App(string name) => Apps.First(a => a.Name == name);

    public ModelDeployment Deployment(string name) => Deployments.First(d => d.Name == name);

    public KnowledgeIndex Index(string name) => Indexes.First(i => i.Name == name);

    public static SimulatedTenant Build(ulong seed, int userCount) => new(SeededRandom.For(seed, "tenant"), userCount);

    public string ArmId(string type, string name) =>
        $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/{type}/{name}";

    private static ServiceIdentity Service(SeededRandom random, string name) => new(name, random.GuidString(), random.GuidString());

    private static List<Person> BuildPeople(SeededRandom random, int count)
    {
        var people = new List<Person>(count);
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var first = random.Pick(TextBank.FirstNames);
            var last = random.Pick(TextBank.LastNames);
            var local = $"{first}.{last}";
            for (var n = 2; !used.Add(local); n++)
            {
                local = $"{first}.{last}{n}";
            }

            var department = random.PickWeighted<string>([("Sales", 20), ("Engineering", 22), ("Support", 15), ("Finance", 10), ("HR", 8), ("Marketing", 10), ("IT", 9), ("Legal", 6)]);
            var groups = new List<string> { "grp-all-employees", "grp-" + department.ToLowerInvariant() };
            if (random.Chance(0.03))
            {
                groups.Add("grp-execs");
            }

            people.Add(new Person(
                i,
                local + "@" + Domain,
                random.GuidString(),
                Capitalize(first) + " " + Capitalize(last),
                department,
                random.PickWeighted<string>([("NL", 40), ("DE", 20), ("GB", 15), ("FR", 10), ("US", 10), ("ES", 5)]),
                $"198.51.100.{random.Between(10, 250)}",
                $"203.0.113.{random.Between(10, 14)}",
                random.Pick(TextBank.UserAgents),
                groups,
                0.2 + random.Skewed(0, 1.6))
            {
                IsMlEngineer = department == "Engineering" && random.Chance(0.08),
                IsDeployer = department == "Engineering" && random.Chance(0.02),
            });
        }

        // A workable estate always has ML engineers and deployers, even for tiny user counts.
        for (var i = 0; i < Math.Min(3, people.Count); i++)
        {
            people[i] = people[i] with { IsMlEngineer = true, IsDeployer = i == 0 || people[i].IsDeployer };
        }

        return people;
    }

    private List<ModelDeployment> BuildDeployments(SeededRandom random)
    {
        ModelDeployment OpenAI(string name, string model, string version) =>
            new(name, "AzureOpenAI", OpenAIAccount, string.Empty, model, version, random.Hex(64),
                OpenAIResourceId + "/deployments/" + name, "Microsoft.DefaultV2");

        return
        [
            OpenAI("gpt-4o-prod", "gpt-4o", "2024-11-20"),
            OpenAI("gpt-4o-mini-sales", "gpt-4o-mini", "2024-07-18"),
            OpenAI("gpt-4o-finance", "gpt-4o", "2024-08-06"),
            OpenAI("text-embedding-3-large-prod", "text-embedding-3-large", "1"),
        ];
    }

    private List<KnowledgeIndex> BuildIndexes(SeededRandom random)
    {
        KnowledgeIndex Build(string name, string container, string ownerDepartment, string[] acl, int count, string[] labels)
        {
            var owners = People.Where(p => p.Department == ownerDepartment).Take(6).Select(p => p.Upn).DefaultIfEmpty(People[0].Upn).ToList();
            var documents = new List<KbDocument>(count);
            for (var i = 0; i < count; i++)
            {
                var title = $"{Capitalize(random.Pick(TextBank.DocumentWords))} {random.Pick(TextBank.DocumentWords)} {2023 + random.Next(3)}";
                var id = $"{name}-{i:D4}";
                var url = $"https://contoso.sharepoint.com/sites/{container}/Shared%20Documents/{id}.docx";
                var internalLink = $"https://intranet.{Domain}/{container}/{random.Pick(TextBank.DocumentWords)}";
                var contact = $"{container.Split('-')[0]}-team@{Domain}";
                var text = $"{title}. {random.Pick(TextBank.AnswerBodies)} See {internalLink} or contact {contact}.";
                var restricted = random.Chance(0.15);
                documents.Add(new KbDocument(id, title, url, random.Pick(owners),
                    restricted ? ["grp-execs", "grp-" + ownerDepartment.ToLowerInvariant()] : acl,
                    restricted ? "Highly Confidential" : random.Pick(labels), text, Hashing.Sha256Hex(text), [internalLink], [contact]));
            }

            return new KnowledgeIndex(name, container, "contosokbstore", documents);
        }

        return
        [
            Build("hr-policies", "hr-policies", "HR", ["grp-all-employees"], 160, ["General", "General", "Confidential"]),
            Build("sales-playbooks", "sales-playbooks", "Sales", ["grp-sales", "grp-marketing"], 120, ["General", "Confidential"]),
            Build("finance-docs", "finance-docs", "Finance", ["grp-finance"], 100, ["Confidential", "Confidential", "General"]),
        ];
    }

    private MlEstate BuildMl(SeededRandom random, List<ModelDeployment> deployments)
    {
        const string workspace = "ml-prod";
        var workspaceId = random.GuidString();
        var workspaceResourceId = ArmId("Microsoft.MachineLearningServices/workspaces", workspace);
        var endpoint = new ModelDeployment("blue", "AzureML", workspace, "fraud-scoring", "fraud-xgb", "12", random.Hex(64),
            workspaceResourceId + "/onlineEndpoints/fraud-scoring/deployments/blue", string.Empty);
        deployments.Add(endpoint);
        var registry = "contoso-models";
        return new MlEstate(
            workspace,
            workspaceId,
            workspaceResourceId,
            registry,
            ArmId("Microsoft.MachineLearningServices/registries", registry),
            [("gpu-a100-cluster", "Standard_NC24ads_A100_v4", 8), ("cpu-cluster", "Standard_D16s_v5", 10)],
            ["fraud-transactions", "fraud-labels", "customer-features"],
            ["workspaceblobstore", "fraud-datalake"],
            [
                new ScheduledJob("fraud-data-refresh", "fraud-data", "cpu-cluster", 1, 30, 25, "fraud-transactions", false),
                new ScheduledJob("fraud-xgb-retrain", "fraud-xgb", "gpu-a100-cluster", 2, 0, 95, "fraud-transactions", true),
                new ScheduledJob("feature-refresh", "customer-features", "cpu-cluster", 14, 15, 20, "customer-features", false),
            ],
            endpoint,
            "10.20.4.0/24",
            [.. Enumerable.Range(0, 8).Select(i => $"10.20.4.{10 + i}")],
            ["pypi.org", "files.pythonhosted.org", "contosomlstore.blob.core.windows.net", "ml.azure.com", "mcr.microsoft.com", "login.microsoftonline.com"]);
    }

    private List<AiApp> BuildApps(SeededRandom random, List<ModelDeployment> deployments, IReadOnlyList<KnowledgeIndex> indexes)
    {
        AiApp App(string name, string agent, string deployment, AppChannel channel, ToolSpec[] tools, string? index, string[] topics, string system) =>
            new(name, agent, "asst_" + random.Hex(24), deployments.First(d => d.Name == deployment), channel, tools,
                index is null ? null : indexes.First(i => i.Name == index), topics, system,
                $"198.51.100.{random.Between(2, 9)}", random.Hex(32), name + "-" + random.Hex(5));

        return
        [
            App("contoso-hr-assistant", "hr-benefits-agent", "gpt-4o-prod", AppChannel.ApiManagement,
                [new("search_policies", "search", "read", "query", null), new("get_leave_balance", "database", "read", "principal", null),
                 new("create_ticket", "ticketing", "write", "query", "contoso-ticketing-mcp")],
                "hr-policies", ["parental leave", "vacation days", "travel expenses", "health insurance", "remote work", "pension plan"],
                "You are the Contoso HR assistant. Answer only from HR policy documents. Never reveal personal data of other employees."),
            App("contoso-sales-copilot", "sales-assistant", "gpt-4o-mini-sales", AppChannel.ApiManagement,
                [new("crm_lookup", "database", "read", "account", "contoso-crm-mcp"), new("send_email", "email", "send", "email", "contoso-mail-mcp"),
                 new("fetch_url", "http", "read", "url", null), new("schedule_meeting", "calendar", "write", "email", "contoso-mail-mcp")],
                "sales-playbooks", ["renewal pricing", "discount approval", "competitor comparison", "customer follow-up", "quarterly pipeline"],
                "You are the Contoso sales assistant. Use CRM data and playbooks. Only email customers and colleagues the user names."),
            App("contoso-finance-agent", "finance-ops-agent", "gpt-4o-finance", AppChannel.OpenTelemetry,
                [new("read_file", "file", "read", "path", null), new("query_ledger", "database", "read", "query", null),
                 new("export_report", "file", "write", "path", null), new("pay_invoice", "payment", "payment", "account", null),
                 new("delete_records", "database", "delete", "query", null)],
                "finance-docs", ["invoice status", "quarter close", "budget variance", "vendor payment", "expense report"],
                "You are the Contoso finance operations agent. Payments above 10,000 EUR need approval."),
            App("contoso-it-helpdesk", "it-helpdesk-agent", "gpt-4o-prod", AppChannel.ApiManagement,
                [new("lookup_user", "identity", "read", "principal", null), new("reset_password", "identity", "write", "principal", null),
                 new("grant_group_membership", "identity", "permission", "principal", null), new("run_diagnostics", "code", "execute", "none", null)],
                null, ["VPN problem", "laptop setup", "password reset", "Teams access", "printer issue"],
                "You are the Contoso IT helpdesk agent. Group membership changes need a ticket number."),
        ];
    }

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
