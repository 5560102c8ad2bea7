using System.Security.Cryptography;
using System.Text;
using SentinelAiPack.Azure.Deployments;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Build.Contributors;

namespace SentinelAiPack.Build.Deploy;

/// <summary>
/// Deploys the templates step by step through the ARM deployments API (validate, then deploy and wait), a few at a time
/// within a step. Throttling and transient errors are retried by the client (Retry-After honoured). When a table or
/// parser template fails, later steps are skipped, because the rules that read them would fail too; when a template
/// another one needs fails (<see cref="ArtifactContribution.DependsOn"/>: the playbook of an automation rule), that one
/// is skipped; a template with a parameter that has neither a default nor a value is skipped, naming it. Each template
/// gets the parameter values it declares (<see cref="DeploymentParameters"/>). With what-if, every template is only
/// predicted and nothing changes.
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
                    var result = SkipReason(contribution, foundationFailed, blocked, results, gate) is { } reason
                        ? new DeployItemResult(contribution, DeploymentName(contribution), DeployOutcome.Skipped, "not deployed: " + reason)
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

    /// <summary>Why <paramref name="contribution"/> is not attempted, or null to deploy it.</summary>
    private string? SkipReason(ArtifactContribution contribution, bool foundationFailed, IReadOnlySet<string> blocked, List<DeployItemResult> results, object gate)
    {
        if (foundationFailed)
        {
            return "a table or parser template it may depend on failed";
        }
        if (blocked.Contains(contribution.Key))
        {
            return "the pre-flight found tables or columns it reads missing";
        }
        if (DeploymentParameters.Missing(contribution.Template, target) is { Count: > 0 } missing)
        {
            return DeploymentParameters.MissingMessage(missing);
        }
        // Dependencies are in earlier steps (an automation rule's playbook), so their results are final here.
        lock (gate)
        {
            var dependency = results.FirstOrDefault(r => r.Outcome is DeployOutcome.Failed or DeployOutcome.Skipped
                && contribution.DependsOn.Contains(r.Contribution.Key, StringComparer.Ordinal));
            return dependency is null ? null : $"{dependency.Contribution.RelativePath}, which it needs, was not deployed";
        }
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
        var request = new ArmDeploymentRequest(target.SubscriptionId, target.ResourceGroup, name, contribution.Template, DeploymentParameters.For(contribution.Template, target));
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
}
