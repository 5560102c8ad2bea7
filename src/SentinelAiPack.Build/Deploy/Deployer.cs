using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SentinelAiPack.Azure.Deployments;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Build.Contributors;

namespace SentinelAiPack.Build.Deploy;

/// <summary>
/// Deploys the templates step by step through the ARM deployments API (validate, then deploy and wait), a few at a time
/// within a step. Throttling and transient errors are retried by the client (Retry-After honoured). When a table or
/// parser template fails, later steps are skipped, because the rules that read them would fail too; when a template
/// another one needs fails (<see cref="ArtifactContribution.DependsOn"/>: the playbook of an automation rule, the Function
/// App whose caller identity a playbook runs as, which is deployed before it in the same step), that one is skipped; a template with a parameter that has neither a default nor a value is skipped, naming it. Each template
/// gets the parameter values it declares (<see cref="DeploymentParameters"/>), including outputs of templates deployed in
/// earlier steps (<see cref="DeploymentOutputs"/>; never of the same step, whose order is not fixed). With what-if, every
/// template is only predicted and nothing changes, so no outputs are passed on.
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
        var outputs = new Dictionary<string, (JsonNode Value, string From)>(StringComparer.OrdinalIgnoreCase);
        foreach (var step in ordered.GroupBy(c => c.Step).OrderBy(g => g.Key))
        {
            var stepResults = new List<DeployItemResult>();
            // Within a step, a template another one needs (the Function App a playbook runs as) goes first.
            foreach (var wave in Waves(step.ToList()))
            {
                var waveResults = new DeployItemResult?[wave.Count];
                await Parallel.ForEachAsync(wave.Select((c, i) => (c, i)), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
                    async (entry, token) =>
                    {
                        var (contribution, index) = entry;
                        var result = SkipReason(contribution, ordered, foundationFailed, blocked, outputs, results, gate) is { } reason
                            ? new DeployItemResult(contribution, DeploymentName(contribution), DeployOutcome.Skipped, "not deployed: " + reason)
                            : await DeployOneAsync(contribution, outputs, whatIf, token).ConfigureAwait(false);
                        lock (gate)
                        {
                            waveResults[index] = result;
                            results.Add(result);
                            progress?.Report(new DeployProgress(results.Count, ordered.Count, result));
                        }
                    }).ConfigureAwait(false);
                stepResults.AddRange(waveResults.Select(r => r!));
            }
            if (step.Key is DeploymentStep.Tables or DeploymentStep.Parsers && stepResults.Any(r => r.Outcome == DeployOutcome.Failed))
            {
                foundationFailed = true;
            }
            // Later steps see this step's outputs; when two templates output one name, the first in deployment order wins.
            foreach (var result in stepResults.OrderBy(r => step.ToList().IndexOf(r.Contribution)))
            {
                foreach (var (name, value) in result.Outputs)
                {
                    outputs.TryAdd(name, (value, result.Contribution.RelativePath));
                }
            }
        }
        // Report in deployment order, whatever order parallel deployments finished in.
        return [.. ordered.Select(c => results.First(r => ReferenceEquals(r.Contribution, c)))];
    }

    /// <summary>
    /// A step's templates in waves: each wave holds those whose dependencies in the same step are in earlier waves (a
    /// dependency cycle, which the contributors never make, ends up in one last wave).
    /// </summary>
    internal static IReadOnlyList<IReadOnlyList<ArtifactContribution>> Waves(IReadOnlyList<ArtifactContribution> step)
    {
        var keys = step.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var remaining = step.ToList();
        var waves = new List<IReadOnlyList<ArtifactContribution>>();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(c => c.DependsOn.All(d => !keys.Contains(d) || placed.Contains(d))).ToList();
            if (ready.Count == 0)
            {
                ready = remaining;
            }
            waves.Add(ready);
            placed.UnionWith(ready.Select(c => c.Key));
            remaining = remaining.Except(ready).ToList();
        }
        return waves;
    }

    /// <summary>Why <paramref name="contribution"/> is not attempted, or null to deploy it.</summary>
    private string? SkipReason(
        ArtifactContribution contribution, IReadOnlyList<ArtifactContribution> ordered, bool foundationFailed, IReadOnlySet<string> blocked,
        Dictionary<string, (JsonNode Value, string From)> outputs, List<DeployItemResult> results, object gate)
    {
        if (foundationFailed)
        {
            return "a table or parser template it may depend on failed";
        }
        if (blocked.Contains(contribution.Key))
        {
            return "the pre-flight found tables or columns it reads missing";
        }
        if (DeploymentParameters.Missing(contribution.Template, target, outputs.Keys) is { Count: > 0 } missing)
        {
            return DeploymentParameters.MissingMessage(missing, DeploymentOutputs.SuppliedBefore(contribution, ordered));
        }
        // Dependencies are in earlier steps (an automation rule's playbook) or earlier waves of this one (a playbook's
        // Function App), so their results are final here.
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

    /// <summary>Which parameters came from earlier deployments' outputs, by name and source only: values may be secrets.</summary>
    private string Received(ArtifactContribution contribution, Dictionary<string, (JsonNode Value, string From)> outputs)
    {
        var received = DeploymentParameters.FromOutputs(contribution.Template, target, outputs.Keys);
        return received.Count == 0
            ? string.Empty
            : "; " + string.Join("; ", received.GroupBy(n => outputs[n].From, StringComparer.Ordinal).Select(g => $"{string.Join(", ", g)} from {g.Key}"));
    }

    private async Task<DeployItemResult> DeployOneAsync(
        ArtifactContribution contribution, Dictionary<string, (JsonNode Value, string From)> outputs, bool whatIf, CancellationToken cancellationToken)
    {
        var name = DeploymentName(contribution);
        var parameters = DeploymentParameters.For(contribution.Template, target, outputs.ToDictionary(o => o.Key, o => o.Value.Value, StringComparer.OrdinalIgnoreCase));
        var request = new ArmDeploymentRequest(target.SubscriptionId, target.ResourceGroup, name, contribution.Template, parameters);
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
            return new DeployItemResult(contribution, name, DeployOutcome.Deployed, deployed.ProvisioningState + Received(contribution, outputs))
            {
                Outputs = DeploymentOutputs.Read(deployed.Outputs),
            };
        }
        catch (AzureClientException e)
        {
            return new DeployItemResult(contribution, name, DeployOutcome.Failed, e.Message);
        }
    }
}
