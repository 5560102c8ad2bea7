using System.CommandLine;
using System.Globalization;
using SentinelAiPack.Azure.Errors;
using SentinelAiPack.Azure.LogAnalytics;
using SentinelAiPack.Azure.Schema;
using SentinelAiPack.Build;
using SentinelAiPack.Build.SchemaPull;
using SentinelAiPack.Cli.Content;
using SentinelAiPack.Cli.Infrastructure;

namespace SentinelAiPack.Cli.Commands;

/// <summary>
/// <c>aipack schema pull --workspace-id GUID [--out DIR] [--credential NAME] [--fail-on-drift]</c>: writes the workspace's
/// real schema of every table the pack's queries read (directly or through parsers) in the Azure-Sentinel JSON
/// format, and reports added, removed and retyped columns against the pinned schemas. Exit 0 (1 with
/// --fail-on-drift when something differs), 2 for usage, credential or internal errors.
/// </summary>
public sealed class SchemaPullCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Content folders or files (default: the content folders of aipack.yaml, else detections/).", Arity = ArgumentArity.ZeroOrMore };
        var workspaceId = new Option<string>("--workspace-id") { Description = "Workspace id (GUID, 'Workspace ID' on the workspace overview).", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Folder for the pulled schemas (one <Table>.json each).", DefaultValueFactory = _ => "workspace-schemas" };
        var credential = new Option<string>("--credential") { Description = "Azure credential: " + string.Join(", ", AzureServices.CredentialNames) + ".", DefaultValueFactory = _ => "default" };
        credential.AcceptOnlyFromAmong([.. AzureServices.CredentialNames]);
        var failOnDrift = new Option<bool>("--fail-on-drift") { Description = "Exit 1 when the workspace differs from the pinned schemas." };
        var schemas = new Option<string[]>("--schemas") { Description = "Extra folders of pinned table schemas (as for validate)." };
        var pull = new Command("pull", "Write the workspace's schemas of the tables the pack reads and report differences from the pinned ones.")
        {
            paths, workspaceId, output, credential, failOnDrift, schemas,
        };
        pull.SetAction((parse, ct) => CommandRunner.RunAsync(context, token => RunAsync(context, new Arguments(
            parse.GetValue(paths) ?? [],
            parse.GetValue(workspaceId)!,
            parse.GetValue(output) ?? "workspace-schemas",
            parse.GetValue(credential) ?? "default",
            parse.GetValue(failOnDrift),
            parse.GetValue(schemas) ?? []), token), ct));
        return new Command("schema", "Workspace table schemas.") { pull };
    }

    private sealed record Arguments(IReadOnlyList<string> Paths, string WorkspaceId, string Out, string Credential, bool FailOnDrift, IReadOnlyList<string> Schemas);

    private static async Task<int> RunAsync(CliContext context, Arguments args, CancellationToken cancellationToken)
    {
        var io = context.IO;
        if (!Guid.TryParse(args.WorkspaceId, out _))
        {
            throw new UsageException($"--workspace-id '{args.WorkspaceId}' is not a workspace id (GUID).");
        }
        var (input, settingsDiagnostics) = PackInputs.Resolve(io, args.Paths, args.Schemas);
        await PackInputs.PrintAsync(io, settingsDiagnostics).ConfigureAwait(false);
        var content = await ContentPipeline.LoadAsync(input, KqlServices.Analyzer(context), cancellationToken).ConfigureAwait(false);
        var tables = content.Items.SelectMany(DataReads.AllTables).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (tables.Count == 0)
        {
            await io.Out.WriteLineAsync("The content reads no tables; nothing to pull.").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var connection = AzureServices.Connection(context);
        IReadOnlyList<TableSchemaResult> pulled;
        try
        {
            using var queries = new LogAnalyticsQueryClient(connection.Credentials(args.Credential), connection.Options);
            pulled = await new WorkspaceSchemaClient(queries).GetTableSchemasAsync(args.WorkspaceId, tables, cancellationToken).ConfigureAwait(false);
        }
        catch (AzureCredentialException e)
        {
            throw new UsageException(e.Message);
        }
        catch (AzureClientException e)
        {
            return await AzureServices.ReportFailureAsync(io, e).ConfigureAwait(false);
        }

        var outDir = io.Resolve(args.Out);
        Directory.CreateDirectory(outDir);
        foreach (var table in pulled.Where(t => t.Exists))
        {
            var file = PulledSchemaFile.Create(table);
            await File.WriteAllBytesAsync(Path.Combine(outDir, file.RelativePath), file.Bytes, cancellationToken).ConfigureAwait(false);
        }
        var drift = SchemaDrift.Compare(pulled, content.Schemas);
        foreach (var finding in drift)
        {
            await io.Out.WriteLineAsync("  " + finding.Describe()).ConfigureAwait(false);
        }
        var present = pulled.Count(t => t.Exists);
        await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Pulled {present} of {pulled.Count} table schema(s) into {io.Display(outDir)}; {drift.Count} difference(s) from the pinned schemas.")).ConfigureAwait(false);
        return args.FailOnDrift && drift.Count > 0 ? ExitCodes.Failures : ExitCodes.Success;
    }
}
