using System.Text.Json.Nodes;
using SentinelAiPack.Azure.Deployments;
using SentinelAiPack.Build.Contributors;

namespace SentinelAiPack.Build.Deploy;

public enum DeployOutcome
{
    /// <summary>Validated and deployed (provisioningState Succeeded).</summary>
    Deployed,

    /// <summary>What-if only: the predicted changes.</summary>
    WhatIf,

    /// <summary>Validation or deployment failed.</summary>
    Failed,

    /// <summary>Not attempted: the pre-flight found it cannot work, or an earlier step it depends on failed.</summary>
    Skipped,
}

/// <summary>What happened to one template.</summary>
public sealed record DeployItemResult(ArtifactContribution Contribution, string DeploymentName, DeployOutcome Outcome, string Detail)
{
    public IReadOnlyList<ArmWhatIfChange> Changes { get; init; } = [];

    /// <summary>The deployment's outputs by name (case-insensitive), passed on to later steps; never printed, they may be secrets.</summary>
    public IReadOnlyDictionary<string, JsonNode> Outputs { get; init; } = new Dictionary<string, JsonNode>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Reported after every template: how many are done and what happened to the last one.</summary>
public sealed record DeployProgress(int Done, int Total, DeployItemResult Result);
