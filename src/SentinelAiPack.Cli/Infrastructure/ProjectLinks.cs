using System.Reflection;

namespace SentinelAiPack.Cli.Infrastructure;

/// <summary>The published pages reports link to, from the repository URL the build recorded (AipackRepositoryUrl).</summary>
public static class ProjectLinks
{
    public static Uri Repository { get; } = new(
        typeof(ProjectLinks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryUrl")?.Value
        ?? "https://github.com/SentinelAiPack/SentinelAiPack");

    /// <summary>docs/diagnostics.md as GitHub renders it (each code has an anchor, #sapNNNN).</summary>
    public static Uri DiagnosticsPage { get; } = new(Repository.AbsoluteUri.TrimEnd('/') + "/blob/main/docs/diagnostics.md");
}
