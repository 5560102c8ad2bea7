namespace SentinelAiPack.Containment.Playbooks;

/// <summary>The REST api-versions the containment playbooks call (the loopback fakes serve exactly these).</summary>
public static class ApiVersions
{
    /// <summary>Microsoft.ApiManagement subscriptions: update state, regenerate keys.</summary>
    public const string ApiManagement = "2022-08-01";

    /// <summary>Microsoft.MachineLearningServices online endpoints.</summary>
    public const string MachineLearning = "2024-04-01";

    /// <summary>Microsoft.CognitiveServices accounts: regenerateKey.</summary>
    public const string CognitiveServices = "2023-05-01";

    /// <summary>Microsoft.SecurityInsights incidents: alerts, entities, comments.</summary>
    public const string Sentinel = "2025-09-01";

    /// <summary>Azure Blob Storage REST (x-ms-version).</summary>
    public const string BlobStorage = "2021-12-02";
}
