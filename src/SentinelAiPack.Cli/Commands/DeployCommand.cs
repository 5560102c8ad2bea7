using System.CommandLine;
using Azure.Core;
using System.Globalization;
using System.Text.RegularExpressions;
using SentinelAiPack.Azure.Deployments;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.LogAnalytics;
using SentinelAiPack.Azure.Schema;
using SentinelAiPack.Build;
using SentinelAiPack.Build.Arm;
using SentinelAiPack.Build.Contributors;
using SentinelAiPack.Build.Deploy;
using SentinelAiPack.Cli.Content;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Cli.Commands;

/// <summary>
/// <c>aipack deploy --subscription ID --resource-group RG --workspace NAME --workspace-id GUID [--what-if] [--credential NAME]
/// [--only STEP]... [--location REGION] [--parameter NAME=VALUE]... [--parallel N] [--skip-preflight]</c>: validates and
/// checks the lock like build, asks the workspace whether every table and column each item reads exists, then deploys
/// the templates in order (tables, parsers, rules, hunting queries, workbooks, playbooks, automation rules).
/// <c>--what-if</c> changes nothing. Exit 0 when everything deployed, 1 when an item was skipped or failed, 2 for usage,
/// credential or internal errors.
/// </summary>
public sealed partial class DeployCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Content folders or files (default: the content folders of aipack.yaml, else detections/).", Arity = ArgumentArity.ZeroOrMore };
        var subscription = new Option<string>("--subscription") { Description = "Subscription id of the workspace.", Required = true };
        var resourceGroup = new Option<string>("--resource-group", "-g") { Description = "Resource group of the workspace.", Required = true };
        var workspace = new Option<string>("--workspace") { Description = "Name of the Log Analytics workspace Microsoft Sentinel runs on.", Required = true };
        var workspaceId = new Option<string?>("--workspace-id") { Description = "Workspace id (GUID, 'Workspace ID' on the workspace overview) for the pre-flight's queries; required unless --skip-preflight." };
        var whatIf = new Option<bool>("--what-if") { Description = "Run the pre-flight and ARM what-if only; change nothing." };
        var credential = new Option<string>("--credential") { Description = "Azure credential: " + string.Join(", ", AzureServices.CredentialNames) + ".", DefaultValueFactory = _ => "default" };
        credential.AcceptOnlyFromAmong([.. AzureServices.CredentialNames]);
        var only = new Option<string[]>("--only") { Description = "Deploy only these steps: " + string.Join(", ", Enum.GetValues<DeploymentStep>().Select(DeploymentSteps.Name)) + " (repeatable)." };
        var location = new Option<string?>("--location") { Description = "Region of the data collection endpoint and rules (the workspace's region; default: the resource group's)." };
        var parameter = new Option<string[]>("--parameter", "-p")
        {
            Description = "A template parameter as NAME=VALUE, passed to every template that declares NAME (repeatable; e.g. the playbooks' FunctionAppName).",
        };
        var parallel = new Option<int>("--parallel") { Description = "Templates deployed at once within a step.", DefaultValueFactory = _ => 4 };
        var skipPreflight = new Option<bool>("--skip-preflight") { Description = "Do not ask the workspace for its tables first." };
        var schemas = new Option<string[]>("--schemas") { Description = "Extra folders of table schemas (as for validate)." };
        var lockFile = new Option<string?>("--lock") { Description = "The lock file (default: aipack.lock.json in the first content folder)." };
        var command = new Command("deploy", "Check that the workspace has every table and column the content reads, then deploy it in order through ARM.")
        {
            paths, subscription, resourceGroup, workspace, workspaceId, whatIf, credential, only, location, parameter, parallel, skipPreflight, schemas, lockFile,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(context, token => RunAsync(context, new Arguments(
            parse.GetValue(paths) ?? [],
            parse.GetValue(subscription)!,
            parse.GetValue(resourceGroup)!,
            parse.GetValue(workspace)!,
            parse.GetValue(workspaceId),
            parse.GetValue(whatIf),
            parse.GetValue(credential) ?? "default",
            parse.GetValue(only) ?? [],
            parse.GetValue(location),
            parse.GetValue(parameter) ?? [],
            parse.GetValue(parallel),
            parse.GetValue(skipPreflight),
            parse.GetValue(schemas) ?? [],
            parse.GetValue(lockFile)), token), ct));
        return command;
    }

    private sealed record Arguments(
        IReadOnlyList<string> Paths, string Subscription, string ResourceGroup, string Workspace, string? WorkspaceId, bool WhatIf, string Credential,
        IReadOnlyList<string> Only, string? Location, IReadOnlyList<string> Parameters, int Parallel, bool SkipPreflight, IReadOnlyList<string> Schemas,
        string? LockFile);

    private static async Task<int> RunAsync(CliContext context, Arguments args, CancellationToken cancellationToken)
    {
        var io = context.IO;
        var target = Target(args);
        var steps = Steps(args.Only);

        var (input, settingsDiagnostics) = PackInputs.Resolve(io, args.Paths, args.Schemas);
        var gate = await PackGate.RunAsync(context, input, settingsDiagnostics, args.LockFile, cancellationToken).ConfigureAwait(false);
        if (gate.Content is not { } content)
        {
            return ExitCodes.Failures;
        }
        var buildDiagnostics = new List<Diagnostic>();
        var contributions = PackBuilder.Contributions(content, ArtifactContributors.Default, buildDiagnostics);
        var deployment = contributions.Where(c => steps is null || steps.Contains(c.Step)).ToList();
        await PackInputs.PrintAsync(io, buildDiagnostics).ConfigureAwait(false);
        if (PackInputs.HasErrors(buildDiagnostics))
        {
            return ExitCodes.Failures;
        }
        if (DeploymentParameters.UsageProblems(contributions, target) is { Count: > 0 } parameterProblems)
        {
            throw new UsageException(string.Join(Environment.NewLine, parameterProblems));
        }
        await ReportMissingParametersAsync(io, deployment, target).ConfigureAwait(false);

        var connection = AzureServices.Connection(context);
        TokenCredential credential;
        try
        {
            credential = connection.Credentials(args.Credential);
        }
        catch (AzureCredentialException e)
        {
            throw new UsageException(e.Message);
        }

        PreflightResult preflight;
        try
        {
            preflight = args.SkipPreflight
                ? new PreflightResult([], new HashSet<string>(), [])
                : await RunPreflightAsync(io, content, deployment, credential, connection, target, cancellationToken).ConfigureAwait(false);
        }
        catch (AzureClientException e)
        {
            return await AzureServices.ReportFailureAsync(io, e).ConfigureAwait(false);
        }

        using var arm = new ArmDeploymentClient(credential, connection.Options);
        await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{(args.WhatIf ? "What-if for" : "Deploying")} {deployment.Count} template(s) to workspace {target.WorkspaceName} (resource group {target.ResourceGroup})")).ConfigureAwait(false);
        var progress = new ProgressPrinter(io);
        var results = await new Deployer(arm, target, args.Parallel).RunAsync(deployment, preflight.BlockedKeys, args.WhatIf, progress, cancellationToken).ConfigureAwait(false);
        await WriteSummaryAsync(io, results, preflight, args.WhatIf).ConfigureAwait(false);
        var failed = results.Any(r => r.Outcome is DeployOutcome.Failed or DeployOutcome.Skipped) || preflight.ErrorCount > 0;
        return failed ? ExitCodes.Failures : ExitCodes.Success;
    }

    private static async Task<PreflightResult> RunPreflightAsync(
        IOContext io, PackContent content, IReadOnlyList<ArtifactContribution> deployment, TokenCredential credential,
        AzureConnection connection, DeployTarget target, CancellationToken cancellationToken)
    {
        using var queries = new LogAnalyticsQueryClient(credential, connection.Options);
        var schemaClient = new WorkspaceSchemaClient(queries);
        var result = await Preflight.CheckAsync(content, deployment,
            (tables, token) => schemaClient.GetTableSchemasAsync(target.WorkspaceId, tables, token), cancellationToken).ConfigureAwait(false);
        var missing = result.WorkspaceTables.Count(t => !t.Exists);
        await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Pre-flight: asked the workspace for {result.WorkspaceTables.Count} table(s): {result.WorkspaceTables.Count - missing} present, {missing} missing; " +
            $"{result.ErrorCount} error(s), {result.Findings.Count(f => f.Severity == DiagnosticSeverity.Warning)} warning(s).")).ConfigureAwait(false);
        await PackInputs.PrintAsync(io, result.Findings).ConfigureAwait(false);
        return result;
    }

    /// <summary>Says before anything is deployed which templates will be skipped for want of a parameter value.</summary>
    private static async Task ReportMissingParametersAsync(IOContext io, IReadOnlyList<ArtifactContribution> deployment, DeployTarget target)
    {
        foreach (var contribution in deployment)
        {
            if (DeploymentParameters.Missing(contribution.Template, target) is { Count: > 0 } missing)
            {
                await io.Error.WriteLineAsync($"aipack: {contribution.RelativePath} will not be deployed: {DeploymentParameters.MissingMessage(missing)}").ConfigureAwait(false);
            }
        }
    }

    private static async Task WriteSummaryAsync(IOContext io, IReadOnlyList<DeployItemResult> results, PreflightResult preflight, bool whatIf)
    {
        int Count(DeployOutcome outcome) => results.Count(r => r.Outcome == outcome);
        var summary = whatIf
            ? $"What-if: {Count(DeployOutcome.WhatIf)} predicted, {Count(DeployOutcome.Failed)} failed, {Count(DeployOutcome.Skipped)} skipped; nothing was changed."
            : $"Summary: {Count(DeployOutcome.Deployed)} deployed, {Count(DeployOutcome.Failed)} failed, {Count(DeployOutcome.Skipped)} skipped.";
        await io.Out.WriteLineAsync(summary).ConfigureAwait(false);
        foreach (var result in results.Where(r => r.Outcome is DeployOutcome.Failed or DeployOutcome.Skipped))
        {
            await io.Out.WriteLineAsync($"  {result.Outcome.ToString().ToLowerInvariant()}: {result.Contribution.RelativePath}: {result.Detail}").ConfigureAwait(false);
        }
        if (preflight.BlockedKeys.Count > 0)
        {
            await io.Out.WriteLineAsync("  Connect the missing data (see the pre-flight errors above) and deploy again.").ConfigureAwait(false);
        }
    }

    private static DeployTarget Target(Arguments args)
    {
        if (!Guid.TryParse(args.Subscription, out _))
        {
            throw new UsageException($"--subscription '{args.Subscription}' is not a subscription id (GUID).");
        }
        if (!ResourceGroupPattern().IsMatch(args.ResourceGroup))
        {
            throw new UsageException($"--resource-group '{args.ResourceGroup}' is not a resource group name.");
        }
        if (!WorkspacePattern().IsMatch(args.Workspace))
        {
            throw new UsageException($"--workspace '{args.Workspace}' is not a workspace name (letters, digits and '-', 4 to 63 characters).");
        }
        if (args.WorkspaceId is { } id && !Guid.TryParse(id, out _))
        {
            throw new UsageException($"--workspace-id '{id}' is not a workspace id (GUID).");
        }
        if (args.WorkspaceId is null && !args.SkipPreflight)
        {
            throw new UsageException("--workspace-id is required for the pre-flight (the workspace's 'Workspace ID'); or pass --skip-preflight.");
        }
        if (args.Parallel is < 1 or > 16)
        {
            throw new UsageException("--parallel must be between 1 and 16.");
        }
        return new DeployTarget(args.Subscription, args.ResourceGroup, args.Workspace, args.WorkspaceId ?? string.Empty)
        {
            Location = args.Location,
            Parameters = TemplateParameters(args.Parameters),
        };
    }

    /// <summary><c>--parameter NAME=VALUE</c> values by name; workspace and location have their own options.</summary>
    private static Dictionary<string, string> TemplateParameters(IReadOnlyList<string> values)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            var separator = value.IndexOf('=', StringComparison.Ordinal);
            var name = separator > 0 ? value[..separator].Trim() : string.Empty;
            if (name.Length == 0)
            {
                // Never echo the value: it may be a secret.
                throw new UsageException("--parameter takes NAME=VALUE; one value has no name before '='.");
            }
            if (name.Equals(ArmTemplate.WorkspaceParameter, StringComparison.OrdinalIgnoreCase) || name.Equals("location", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"--parameter {name}: use --{name.ToLowerInvariant()} instead.");
            }
            if (!parameters.TryAdd(name, value[(separator + 1)..]))
            {
                throw new UsageException($"--parameter {name} is given twice.");
            }
        }
        return parameters;
    }

    private static HashSet<DeploymentStep>? Steps(IReadOnlyList<string> only)
    {
        if (only.Count == 0)
        {
            return null;
        }
        var steps = new HashSet<DeploymentStep>();
        foreach (var name in only.SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            steps.Add(DeploymentSteps.Parse(name)
                ?? throw new UsageException($"--only '{name}' is not a step; use: {string.Join(", ", Enum.GetValues<DeploymentStep>().Select(DeploymentSteps.Name))}."));
        }
        return steps;
    }

    /// <summary>Prints one line per finished template (called under the deployer's lock, so lines never interleave).</summary>
    private sealed class ProgressPrinter(IOContext io) : IProgress<DeployProgress>
    {
        public void Report(DeployProgress value)
        {
            var result = value.Result;
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{value.Done}/{value.Total}] {result.Outcome.ToString().ToLowerInvariant()} {result.Contribution.RelativePath} ({result.DeploymentName}): {result.Detail}"));
        }
    }

    [GeneratedRegex(@"^[-\w\._\(\)]{1,90}$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceGroupPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex WorkspacePattern();
}
