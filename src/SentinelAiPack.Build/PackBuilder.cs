using System.Text.Json.Nodes;
using SentinelAiPack.Build.Arm;
using SentinelAiPack.Build.Contributors;
using SentinelAiPack.Build.Docs;
using SentinelAiPack.Build.Json;
using SentinelAiPack.Build.Navigator;
using SentinelAiPack.Build.Solution;
using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Build;

/// <summary>What the build generates and from which contributors.</summary>
public sealed record BuildOptions
{
    public SolutionOptions Solution { get; init; } = new();

    public IReadOnlyList<IArtifactContributor> Contributors { get; init; } = ArtifactContributors.Default;

    /// <summary>What the local engine returned on each item's firing test case, by item key (<see cref="SampleRunner"/>); docs show it.</summary>
    public IReadOnlyDictionary<string, SampleOutput> SampleOutputs { get; init; } = new Dictionary<string, SampleOutput>();
}

/// <summary>Every generated file (paths relative to the output folder), the deployable items, and the build's findings.</summary>
public sealed record BuildOutput(IReadOnlyList<ArtifactFile> Files, IReadOnlyList<ArtifactContribution> Contributions, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>
/// <c>aipack build</c>'s generators, run on validated content: <c>arm/</c>, <c>solution/</c>, <c>navigator/</c> and
/// <c>docs/</c>. Pure: the same content gives the same files, byte for byte (no clock, no randomness, ordinal orders).
/// </summary>
public static class PackBuilder
{
    public static BuildOutput Generate(PackContent content, BuildOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new BuildOptions();
        var diagnostics = new List<Diagnostic>();
        var contributions = Contributions(content, options.Contributors, diagnostics);
        var files = new List<ArtifactFile>();
        files.AddRange(ArmOutput.Files(contributions));
        files.AddRange(SolutionPackage.Files(options.Solution, contributions));
        files.AddRange(CoverageLayers.Files(content));
        files.AddRange(DocsOutput.Files(content, options.SampleOutputs));
        foreach (var duplicate in files.GroupBy(f => f.RelativePath, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            diagnostics.Add(BuildCodes.DuplicateArtifact.Create(content.RootDirectory, SourceSpan.Unknown,
                $"Two items produce '{duplicate.Key}'; give their files different names."));
        }
        return new BuildOutput(files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList(), contributions, diagnostics);
    }

    /// <summary>Every contributor's items in deployment order, each analytics rule checked against the API's limits.</summary>
    public static IReadOnlyList<ArtifactContribution> Contributions(PackContent content, IEnumerable<IArtifactContributor> contributors, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(contributors);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var all = contributors.SelectMany(c => c.Contribute(content, diagnostics)).ToList();
        foreach (var contribution in all)
        {
            foreach (var resource in (contribution.Template["resources"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (resource["type"]?.GetValue<string>() != ApiVersions.AlertRuleType)
                {
                    continue;
                }
                foreach (var problem in AlertRuleLimits.Check(resource))
                {
                    diagnostics.Add(BuildCodes.LimitExceeded.Create(contribution.Item?.Item.FilePath ?? contribution.RelativePath, SourceSpan.Unknown,
                        $"The template of '{contribution.DisplayName}' is outside an API limit: {problem}."));
                }
            }
        }
        foreach (var duplicate in all.GroupBy(c => c.RelativePath, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            diagnostics.Add(BuildCodes.DuplicateArtifact.Create(duplicate.Skip(1).First().Item?.Item.FilePath ?? duplicate.Key, SourceSpan.Unknown,
                $"'{string.Join("' and '", duplicate.Select(c => c.DisplayName))}' would both be written to arm/{duplicate.Key}; file names must be unique."));
        }
        return ArmOutput.InDeploymentOrder(all);
    }
}
