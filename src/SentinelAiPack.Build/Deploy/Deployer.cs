using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SentinelAiPack.Azure.Deployments;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Build.Contributors;
using SentinelAiPack.Build.Arm;

namespace SentinelAiPack.Build.Deploy;

/// <summary>
/// Deploys the templates step by step through the ARM deployments API (validate, then deploy and wait), a few at a time
/// within a step. Throttling and transient errors are retried by the client (Retry-After honoured). When a table or
/// parser template fails, later steps are skipped, because the rules that read them would fail too. With what-if,
/// every template is only predicted and nothing changes.
/// </summary>
public sealed class Deployer(ArmDeploymentClient client, DeployTarget target, int parallelism = 4)
{
    public async Task<IReadOnlyList<DeployItemResult>> RunAsync(
        IReadOnlyList<ArtifactContribution> ordered, IReadOnlySet<string> blocked, bool whatIf, IProgress<DeployProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentNullException.ThrowIfNull(blocked);
        var results = new List<DeployItemResult>();
        var gate = new object();
        var foundationFailed = false;
        foreach (var step in ordered.GroupBy(c => c.Step).OrderBy(g => g.Key))
        {
            var stepResults = new DeployItemResult?[step.Count()];
            await Parallel.ForEachAsync(step.Select((c, i) => (c, i)), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
                async (entry, token) =>
                {
                    var (contribution, index) = entry;
                    var result = foundationFailed
                        ? new DeployItemResult(contribution, DeploymentName(contribution), DeployOutcome.Skipped, "not deployed: a table or parser template it may depend on failed")
                        : blocked.Contains(contribution.Key)
                            ? new DeployItemResult(contribution, DeploymentName(contribution), DeployOutcome.Skipped, "not deployed: the pre-flight found tables or columns it reads missing")
                            : await DeployOneAsync(contribution, whatIf, token).ConfigureAwait(false);
                    lock (gate)
                    {
                        stepResults[index] = result;
                        results.Add(result);
                        progress?.Report(new DeployProgress(results.Count, ordered.Count, result));
                    }
                }).ConfigureAwait(false);
            if (step.Key is DeploymentStep.Tables or DeploymentStep.Parsers && stepResults.Any(r => r!.Outcome == DeployOutcome.Failed))
            {
                foundationFailed = true;
            }
        }
        // Report in deployment order, whatever order parallel deployments finished in.
        return [.. ordered.Select(c => results.First(r => ReferenceEquals(r.Contribution, c)))];
    }

    /// <summary>The ARM deployment name of a template: stable, so a redeploy replaces the same deployment record.</summary>
    public static string DeploymentName(ArtifactContribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        var name = $"aipack-{DeploymentSteps.Name(contribution.Step)}-{contribution.Key}";
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
        if (safe.Length <= 64)
        {
            return safe;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..10];
        return safe[..53] + "-" + hash;
    }

    private async Task<DeployItemResult> DeployOneAsync(ArtifactContribution contribution, bool whatIf, CancellationToken cancellationToken)
    {
        var name = DeploymentName(contribution);
        var request = new ArmDeploymentRequest(target.SubscriptionId, target.ResourceGroup, name, contribution.Template, Parameters(contribution.Template));
        try
        {
            if (whatIf)
            {
                var prediction = await client.WhatIfAsync(request, cancellationToken).ConfigureAwait(false);
                if (prediction.Error is { } whatIfError)
                {
                    return new DeployItemResult(contribution, name, DeployOutcome.Failed, "what-if failed: " + whatIfError.Describe());
                }
                var summary = prediction.Changes.Count == 0
                    ? "no changes"
                    : string.Join(", ", prediction.Changes.GroupBy(c => c.ChangeType, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
                return new DeployItemResult(contribution, name, DeployOutcome.WhatIf, summary) { Changes = prediction.Changes };
            }
            var validation = await client.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
            if (!validation.IsValid)
            {
                return new DeployItemResult(contribution, name, DeployOutcome.Failed, "ARM validation rejected the template: " + (validation.Error?.Describe() ?? "no reason given"));
            }
            var deployed = await client.DeployAsync(request, cancellationToken).ConfigureAwait(false);
            return new DeployItemResult(contribution, name, DeployOutcome.Deployed, deployed.ProvisioningState);
        }
        catch (AzureClientException e)
        {
            return new DeployItemResult(contribution, name, DeployOutcome.Failed, e.Message);
        }
    }

    private JsonObject Parameters(JsonObject template)
    {
        var parameters = new JsonObject { [ArmTemplate.WorkspaceParameter] = new JsonObject { ["value"] = target.WorkspaceName } };
        if (target.Location is { } location && (template["parameters"] as JsonObject)?.ContainsKey("location") == true)
        {
            parameters["location"] = new JsonObject { ["value"] = location };
        }
        return parameters;
    }
}
