namespace SentinelAiPack.Enrichment.Configuration;

/// <summary>App settings of the Function App (docs/enrichers.md lists them with their defaults).</summary>
public static class SettingNames
{
    /// <summary>ARM id of the Sentinel (Log Analytics) workspace whose incidents are enriched.</summary>
    public const string SentinelWorkspace = "AIPACK_SENTINEL_WORKSPACE_RESOURCE_ID";

    /// <summary>Workspace (customer) id the queries run against.</summary>
    public const string LogAnalyticsWorkspaceId = "AIPACK_LOG_ANALYTICS_WORKSPACE_ID";

    /// <summary>true to raise severity to High when the escalation criteria hold.</summary>
    public const string RaiseSeverity = "AIPACK_RAISE_SEVERITY";

    /// <summary>Comma-separated internal email domains / hosts.</summary>
    public const string InternalDomains = "AIPACK_INTERNAL_DOMAINS";

    /// <summary>Comma-separated path prefixes file tools may use.</summary>
    public const string AllowedPathPrefixes = "AIPACK_ALLOWED_PATH_PREFIXES";

    /// <summary>Built-in PII patterns: a comma-separated subset of email, phone, credit-card, iban, us-ssn; "default" (all but email), "all" or "none".</summary>
    public const string PiiBuiltIns = "AIPACK_PII_PATTERNS";

    /// <summary>Extra PII patterns as a JSON object of name → .NET regular expression.</summary>
    public const string PiiCustom = "AIPACK_PII_CUSTOM_PATTERNS";

    /// <summary>false to keep secrets unredacted (not recommended).</summary>
    public const string RedactSecrets = "AIPACK_REDACT_SECRETS";

    /// <summary>Prefix of the tags the enrichers add.</summary>
    public const string TagPrefix = "AIPACK_TAG_PREFIX";

    /// <summary>Users sending the same payload that make a campaign.</summary>
    public const string CampaignMinUsers = "AIPACK_CAMPAIGN_MIN_USERS";

    /// <summary>Hours of transcript read before the incident.</summary>
    public const string TranscriptLookbackHours = "AIPACK_TRANSCRIPT_LOOKBACK_HOURS";

    /// <summary>Days of other sessions of the user listed.</summary>
    public const string RelatedSessionsDays = "AIPACK_RELATED_SESSIONS_DAYS";

    /// <summary>Hours around the incident searched for the same payload.</summary>
    public const string CampaignWindowHours = "AIPACK_CAMPAIGN_WINDOW_HOURS";

    /// <summary>Days of deployment history read before the incident.</summary>
    public const string DeploymentLookbackDays = "AIPACK_DEPLOYMENT_LOOKBACK_DAYS";

    /// <summary>Days of baseline for the first-time-deployer check.</summary>
    public const string DeployerBaselineDays = "AIPACK_DEPLOYER_BASELINE_DAYS";

    /// <summary>Credential: managedidentity (in Azure), default (DefaultAzureCredential, locally), azurecli, environment, workloadidentity.</summary>
    public const string Credential = "AIPACK_CREDENTIAL";

    /// <summary>Logs ingestion endpoint of the data collection endpoint (https).</summary>
    public const string IngestionEndpoint = "AIPACK_DCE_ENDPOINT";

    /// <summary>Immutable id of the AIModelInventory_CL data collection rule.</summary>
    public const string InventoryDcrImmutableId = "AIPACK_INVENTORY_DCR_IMMUTABLE_ID";

    /// <summary>Stream name of that rule.</summary>
    public const string InventoryStream = "AIPACK_INVENTORY_STREAM";

    /// <summary>Comma-separated ARM ids of Azure OpenAI accounts.</summary>
    public const string OpenAIAccounts = "AIPACK_OPENAI_ACCOUNTS";

    /// <summary>Comma-separated ARM ids of Azure ML workspaces.</summary>
    public const string MachineLearningWorkspaces = "AIPACK_ML_WORKSPACES";

    /// <summary>Comma-separated ARM ids of Azure ML registries.</summary>
    public const string MachineLearningRegistries = "AIPACK_ML_REGISTRIES";

    /// <summary>Comma-separated property/tag keys holding an artifact SHA-256.</summary>
    public const string HashKeys = "AIPACK_HASH_KEYS";

    /// <summary>true (default) to check every HTTP caller's token (false only for local runs).</summary>
    public const string RequireCallerIdentity = "AIPACK_REQUIRE_CALLER_IDENTITY";

    /// <summary>Comma-separated object ids (oid) allowed to call the HTTP functions; empty allows nobody.</summary>
    public const string AllowedCallerObjectIds = "AIPACK_ALLOWED_CALLER_OBJECT_IDS";

    /// <summary>Comma-separated client ids (azp/appid) allowed to call the HTTP functions; empty allows nobody.</summary>
    public const string AllowedCallerAppIds = "AIPACK_ALLOWED_CALLER_APP_IDS";

    /// <summary>Client id of the Function App's Entra registration (the v2 token audience).</summary>
    public const string AuthClientId = "AIPACK_AUTH_CLIENT_ID";

    /// <summary>Entra tenant id of that registration (the v2 token issuer's tenant).</summary>
    public const string AuthTenantId = "AIPACK_AUTH_TENANT_ID";

    /// <summary>Login host of the cloud (default https://login.microsoftonline.com/).</summary>
    public const string AuthAuthority = "AIPACK_AUTH_AUTHORITY";

    /// <summary>NCRONTAB schedule of the collector (read by the timer binding as %AIPACK_INVENTORY_SCHEDULE%).</summary>
    public const string InventorySchedule = "AIPACK_INVENTORY_SCHEDULE";
}
