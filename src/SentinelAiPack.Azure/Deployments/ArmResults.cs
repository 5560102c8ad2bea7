using System.Text.Json;
using SentinelAiPack.Azure.Errors;

namespace SentinelAiPack.Azure.Deployments;

/// <summary>A finished deployment: its resource id, final provisioningState and outputs.</summary>
public sealed record ArmDeploymentResult(string? Id, string ProvisioningState, JsonElement? Outputs);

/// <summary>Answer of <c>…/validate</c>: valid, or the documented error tree explaining why not.</summary>
public sealed record ArmValidationResult(bool IsValid, AzureErrorDetail? Error);

/// <summary>Answer of <c>…/whatIf</c>: one entry per resource the deployment would touch.</summary>
public sealed record ArmWhatIfResult(string Status, IReadOnlyList<ArmWhatIfChange> Changes, AzureErrorDetail? Error);

/// <summary>
/// A predicted change. <see cref="ChangeType"/> is the documented value: Create, Delete, Ignore, Deploy,
/// NoChange, Modify or Unsupported.
/// </summary>
public sealed record ArmWhatIfChange(string ResourceId, string ChangeType, JsonElement? Delta);

/// <summary>The deployment ran and ended Failed or Canceled; <see cref="Error"/> holds ARM's explanation.</summary>
public sealed class ArmDeploymentFailedException : AzureClientException
{
    /// <summary>Creates the exception.</summary>
    public ArmDeploymentFailedException(string deploymentName, string provisioningState, AzureErrorDetail? error)
        : base("ARM deployment", $"'{deploymentName}' ended {provisioningState}" + (error is null ? string.Empty : Environment.NewLine + error.Describe()))
    {
        DeploymentName = deploymentName;
        ProvisioningState = provisioningState;
        Error = error;
    }

    /// <summary>The deployment's name.</summary>
    public string DeploymentName { get; }

    /// <summary>Failed or Canceled.</summary>
    public string ProvisioningState { get; }

    /// <summary>ARM's error tree, when it sent one.</summary>
    public AzureErrorDetail? Error { get; }
}
