using SentinelAiPack.Azure.MachineLearning;

namespace SentinelAiPack.Enrichment.Inventory;

/// <summary>What the inventory collector reads and where it writes.</summary>
public sealed class InventoryCollectorOptions
{
    /// <summary>Azure OpenAI / AI Foundry accounts whose deployments are listed.</summary>
    public IReadOnlyList<CognitiveServicesAccount> OpenAIAccounts { get; init; } = [];

    /// <summary>Azure ML workspaces whose online endpoints and deployments are listed.</summary>
    public IReadOnlyList<MachineLearningWorkspace> MachineLearningWorkspaces { get; init; } = [];

    /// <summary>Azure ML registries, so <c>azureml://registries/{name}</c> references can be read (ARM needs their subscription and group).</summary>
    public IReadOnlyList<MachineLearningRegistry> Registries { get; init; } = [];

    /// <summary>
    /// Keys, in order, of the <c>properties</c>/<c>tags</c> entry holding an artifact SHA-256: on model versions (recorded at
    /// registration) and on online deployments (recorded by the deployment pipeline or the scoring container).
    /// </summary>
    public IReadOnlyList<string> HashKeys { get; init; } = ["sha256", "artifact_sha256", "model_sha256"];

    /// <summary>Keys of the model version entry holding a malware-scan result (Clean / MalwareDetected).</summary>
    public IReadOnlyList<string> ScanKeys { get; init; } = ["scan_status", "ScanStatus"];

    /// <summary>Immutable id of the data collection rule of AIModelInventory_CL.</summary>
    public required string DcrImmutableId { get; init; }

    /// <summary>Stream of the data collection rule.</summary>
    public string StreamName { get; init; } = "Custom-AIModelInventory_CL";
}
