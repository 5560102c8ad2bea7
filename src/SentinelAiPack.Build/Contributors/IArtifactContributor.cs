namespace SentinelAiPack.Build.Contributors;

/// <summary>
/// A source of deployable artifacts. The built-in contributors turn tables, parsers, rules and hunting queries into
/// ARM; workbooks, playbooks and automation rules plug in the same way (register them in
/// <see cref="ArtifactContributors.Default"/>) and then appear in the ARM folder, the Content Hub package and deploy.
/// </summary>
public interface IArtifactContributor
{
    /// <summary>Contributions for <paramref name="content"/>, in a stable order. Problems are reported, not thrown.</summary>
    IEnumerable<ArtifactContribution> Contribute(PackContent content, ICollection<Content.Diagnostics.Diagnostic> diagnostics);
}
