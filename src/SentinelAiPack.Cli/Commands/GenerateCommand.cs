using System.CommandLine;
using System.Globalization;
using SentinelAiPack.Cli.Infrastructure;
using SentinelAiPack.Telemetry.SampleData;
using SentinelAiPack.Telemetry.SampleData.Scenarios;

namespace SentinelAiPack.Cli.Commands;

/// <summary>
/// <c>aipack generate --out DIR [--users N] [--days D] [--seed S] [--end DATE] [--scenario NAME]...</c> and
/// <c>aipack generate --list-scenarios</c>. Writes realistic sample traffic for every table the pack reads, one
/// <c>&lt;Table&gt;.jsonl</c> per table, with the named attack scenarios injected. Exit 0 on success, 2 on bad options.
/// </summary>
public sealed class GenerateCommand : ICliCommand
{
    public Command Create(CliContext context)
    {
        var defaults = new GeneratorOptions();
        var output = new Option<string?>("--out", "-o") { Description = "Folder to write <Table>.jsonl files and scenarios.json into (created if missing)." };
        var users = new Option<int>("--users") { Description = "Number of employees of the simulated tenant.", DefaultValueFactory = _ => defaults.Users };
        var days = new Option<int>("--days") { Description = "Number of days of traffic, ending at --end.", DefaultValueFactory = _ => defaults.Days };
        var seed = new Option<ulong>("--seed") { Description = "Random seed; the same seed and options give byte-identical files.", DefaultValueFactory = _ => defaults.Seed };
        var end = new Option<string?>("--end")
        {
            Description = $"End of the window, a UTC midnight (default {GeneratorOptions.DefaultEnd:yyyy-MM-dd}, fixed so output is reproducible).",
        };
        var scenarios = new Option<string[]>("--scenario")
        {
            Description = "Attack scenario to inject into the traffic (repeatable; 'all' for every one; see --list-scenarios).",
        };
        var list = new Option<bool>("--list-scenarios") { Description = "List the attack scenarios (name and description) and exit." };

        var command = new Command("generate", "Generate realistic sample data for every table the pack reads, with attack scenarios injected.")
        {
            output, users, days, seed, end, scenarios, list,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(context, async token =>
        {
            if (parse.GetValue(list))
            {
                await ListAsync(context.IO).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var options = new GeneratorOptions
            {
                Users = parse.GetValue(users),
                Days = parse.GetValue(days),
                Seed = parse.GetValue(seed),
                End = ParseEnd(parse.GetValue(end)),
                Scenarios = parse.GetValue(scenarios) ?? [],
            };
            var outDir = parse.GetValue(output) ?? throw new UsageException("--out DIR is required (or use --list-scenarios)");
            return await GenerateAsync(context.IO, options, context.IO.Resolve(outDir), token).ConfigureAwait(false);
        }, ct));
        return command;
    }

    private static async Task ListAsync(IOContext io)
    {
        var width = ScenarioCatalog.Scenarios.Max(s => s.Name.Length);
        foreach (var scenario in ScenarioCatalog.Scenarios)
        {
            await io.Out.WriteLineAsync($"{scenario.Name.PadRight(width)}  {scenario.Description}").ConfigureAwait(false);
        }
    }

    private static async Task<int> GenerateAsync(IOContext io, GeneratorOptions options, string outDir, CancellationToken cancellationToken)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new UsageException(string.Join("; ", problems));
        }

        var summary = await Task.Run(() => SampleDataGenerator.Generate(options, outDir), cancellationToken).ConfigureAwait(false);
        var start = options.End.AddDays(-options.Days);
        await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {summary.TotalRows} rows in {summary.Tables.Count} tables to {io.Display(outDir)} ({options.Users} users, {start:yyyy-MM-dd} to {options.End:yyyy-MM-dd}, seed {options.Seed}).")).ConfigureAwait(false);
        foreach (var scenario in summary.Scenarios)
        {
            await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  injected {scenario.Name} at {scenario.At:yyyy-MM-dd HH:mm}Z")).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static DateTime ParseEnd(string? text)
    {
        if (text is null)
        {
            return GeneratorOptions.DefaultEnd;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var end))
        {
            throw new UsageException($"--end '{text}' is not a date; use e.g. 2025-07-01 or 2025-07-01T00:00:00Z");
        }

        return DateTime.SpecifyKind(end, DateTimeKind.Utc);
    }
}
