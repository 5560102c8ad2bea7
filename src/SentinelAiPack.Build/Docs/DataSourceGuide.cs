namespace SentinelAiPack.Build.Docs;

/// <summary>
/// How to switch on the data behind a table, in one sentence per source family (from docs/data-model.md, "What to
/// switch on"). Pages list the sentences for the tables a rule reads.
/// </summary>
public static class DataSourceGuide
{
    private static readonly (Func<string, bool> Matches, string Source, string HowTo)[] Families =
    [
        (t => t.EndsWith("_CL", StringComparison.Ordinal), "Your AI application (custom tables)",
            "Deploy the custom tables (arm/1-tables/custom-tables.json or aipack deploy), grant the application's identity Monitoring Metrics Publisher on each table's data collection rule, and send rows through the Logs Ingestion API (docs/examples/logs-ingestion.md)."),
        (t => t.StartsWith("ApiManagementGateway", StringComparison.Ordinal), "Azure API Management (AI gateway)",
            "Add a diagnostic setting to this workspace in resource-specific mode with GatewayLogs, GatewayLlmLogs and GatewayMCPLogs, and turn on Log LLM messages on each LLM API."),
        (t => t == "AzureDiagnostics", "Azure OpenAI / AI Foundry / AI Search",
            "Add diagnostic settings to this workspace: RequestResponse and Audit on Azure OpenAI / AI Foundry, OperationLogs on Azure AI Search."),
        (t => t.StartsWith("App", StringComparison.Ordinal) && t is "AppDependencies" or "AppRequests" or "AppTraces", "Application Insights (OpenTelemetry GenAI)",
            "Use a workspace-based Application Insights resource with the Azure Monitor OpenTelemetry exporter and GenAI instrumentation; opt in to content capture for message text and tool arguments."),
        (t => t == "SecurityAlert", "Microsoft Defender for Cloud",
            "Enable threat protection for AI services (with user prompt evidence) and the Microsoft Sentinel Defender for Cloud connector."),
        (t => t.StartsWith("Aml", StringComparison.Ordinal), "Azure Machine Learning",
            "Add a diagnostic setting on the Azure Machine Learning workspace (and registries, online endpoints) sending the matching categories to this workspace."),
        (t => t == "AzureActivity", "Azure Activity",
            "Connect the Microsoft Sentinel Azure Activity connector (subscription diagnostic settings)."),
        (t => t.StartsWith("AZFW", StringComparison.Ordinal), "Azure Firewall",
            "Send Azure Firewall resource-specific logs (network and application rules) to this workspace."),
        (t => t == "StorageBlobLogs", "Knowledge-base storage",
            "Add blob diagnostic logs (StorageWrite, StorageDelete) on the storage accounts that hold the RAG source documents."),
        (t => t is "CopilotActivity" or "LLMActivity", "Microsoft Copilot",
            "Connect the Microsoft Sentinel Microsoft Copilot connector."),
        (t => t == "AWSCloudTrail", "Amazon Bedrock",
            "Connect the AWS S3 (CloudTrail) connector and log CloudTrail data events for Bedrock knowledge bases."),
        (t => t is "SigninLogs" or "AADNonInteractiveUserSignInLogs" or "AADServicePrincipalSignInLogs" or "AADManagedIdentitySignInLogs" or "AuditLogs", "Microsoft Entra ID",
            "Connect the Microsoft Entra ID connector (sign-in and audit logs)."),
    ];

    /// <summary>(source, how to switch it on) for every family the tables belong to, in the order of the families.</summary>
    public static IReadOnlyList<(string Source, string HowTo, IReadOnlyList<string> Tables)> For(IEnumerable<string> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var list = tables.ToList();
        var result = new List<(string, string, IReadOnlyList<string>)>();
        foreach (var (matches, source, howTo) in Families)
        {
            var members = list.Where(matches).Order(StringComparer.Ordinal).ToList();
            if (members.Count > 0)
            {
                result.Add((source, howTo, members));
            }
        }
        var other = list.Where(t => !Families.Any(f => f.Matches(t))).Order(StringComparer.Ordinal).ToList();
        if (other.Count > 0)
        {
            result.Add(("Other tables", "Connect the source that writes these tables; see docs/data-model.md.", other));
        }
        return result;
    }
}
