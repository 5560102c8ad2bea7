using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Enrichment.Tests.Playbooks;

/// <summary>
/// Type-checks every generated template under playbooks/ against Azure's published resource schemas with the Bicep CLI
/// (NuGet Azure.Bicep.CommandLine.linux-x64, restored with the tests): <c>bicep decompile</c> turns the ARM JSON into
/// Bicep, <c>bicep build</c> checks each resource's properties against the schema of its type and API version (an
/// unknown property, a wrong type or a value outside an enum is a BCP diagnostic). Two diagnostics are the
/// decompiler's, not the template's, and are ignored: a role assignment's ARM string <c>scope</c> (BCP036, valid ARM the
/// decompiler cannot turn into a resource reference) and the "module has errors" echo of that (BCP104).
/// </summary>
public sealed partial class ArmSchemaTests
{
    // Properties Azure accepts that the published types lack (reported upstream as type inaccuracies): API connections'
    // kind and parameterValueType (managed-identity connections of Sentinel playbooks), and automation rules declared
    // with a /providers/ segment, which Bicep cannot type-check at all.
    private static readonly string[] KnownTypeGaps =
    [
        "BCP187: The property \"kind\" does not exist",
        "BCP037: The property \"parameterValueType\" is not allowed on objects of type \"ApiConnectionDefinitionProperties\"",
        "BCP174: Type validation is not available for resource types declared containing a \"/providers/\" segment",
    ];

    private static IEnumerable<string> Templates() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "playbooks"), "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("artifacts.json", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Path.Combine(RepositoryPaths.Root, "playbooks"), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Templates))]
    public void Template_matches_the_published_resource_schemas(string relative)
    {
        var bicep = Bicep();
        var work = Directory.CreateTempSubdirectory("aipack-bicep-");
        try
        {
            var main = Path.Combine(work.FullName, "main.json");
            File.Copy(Path.Combine(RepositoryPaths.Root, "playbooks", relative), main);
            var decompile = Run(bicep, work.FullName, "decompile", main);
            Assert.That(File.Exists(Path.Combine(work.FullName, "main.bicep")), Is.True, "bicep decompile failed: " + decompile);
            var build = Run(bicep, work.FullName, "build", Path.Combine(work.FullName, "main.bicep"), "--stdout");
            var problems = Diagnostic().Matches(build).Select(m => m.Groups["text"].Value.Trim())
                .Where(d => !IsDecompilerArtifact(d) && !KnownTypeGaps.Any(g => d.Contains(g, StringComparison.Ordinal)))
                .ToList();
            Assert.That(problems, Is.Empty, $"{relative} does not match Azure's resource schemas:\n" + string.Join("\n", problems));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Test]
    public void The_check_catches_a_property_the_schema_does_not_have()
    {
        var bicep = Bicep();
        var work = Directory.CreateTempSubdirectory("aipack-bicep-");
        try
        {
            var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "playbooks", "function-app", "azuredeploy.json"))
                .Replace("\"allowSharedKeyAccess\": false", "\"allowSharedKeyAcess\": false", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(work.FullName, "main.json"), text);
            Run(bicep, work.FullName, "decompile", Path.Combine(work.FullName, "main.json"));
            var build = Run(bicep, work.FullName, "build", Path.Combine(work.FullName, "main.bicep"), "--stdout");
            Assert.That(build, Does.Match("BCP0(37|89): The property \"allowSharedKeyAcess\" is not allowed"));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static bool IsDecompilerArtifact(string diagnostic) =>
        (diagnostic.StartsWith("BCP036", StringComparison.Ordinal) && diagnostic.Contains("property \"scope\"", StringComparison.Ordinal))
        || diagnostic.StartsWith("BCP104", StringComparison.Ordinal);

    private static string Bicep()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Assert.Ignore("The Bicep CLI package restored for these tests is the linux-x64 build.");
        }

        var path = typeof(ArmSchemaTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCli").Value!;
        Assert.That(File.Exists(path), Is.True, $"The Bicep CLI was not restored to {path} (dotnet restore downloads Azure.Bicep.CommandLine.linux-x64).");
        // NuGet does not keep the execute bit of the packaged binary.
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }

    private static string Run(string bicep, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(bicep) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry, no update check: the CLI must work offline.
        start.Environment["BICEP_TELEMETRY_OPT_OUT"] = "true";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(3)), Is.True, "bicep did not finish in 3 minutes");
        return stderr.Result + "\n" + (arguments[0] == "build" ? string.Empty : stdout);
    }

    [GeneratedRegex(@"\) : (Error|Warning) (?<text>BCP\d+:[^\[\n]*)")]
    private static partial Regex Diagnostic();
}
