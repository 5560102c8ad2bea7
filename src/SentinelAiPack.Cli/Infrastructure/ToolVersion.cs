using System.Reflection;
using System.Text.Json;

namespace SentinelAiPack.Cli.Infrastructure;

public static class ToolVersion
{
    /// <summary>The informational version of the tool (without source-revision suffix).</summary>
    public static string Current { get; } =
        (typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    /// <summary>The source revision the tool was built from, when the build recorded one.</summary>
    public static string? Revision { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+') is [_, var revision, ..]
            ? revision[..Math.Min(12, revision.Length)]
            : null;

    /// <summary>Name and version of the official KQL analyzer bundled with the tool (its npm package.json, embedded at build time).</summary>
    public static (string Name, string Version) Analyzer { get; } = ReadAnalyzer();

    /// <summary>What <c>aipack --version</c> prints: the tool, the analyzer it bundles, the runtime.</summary>
    public static string Describe() =>
        $"aipack {Current}{(Revision is null ? string.Empty : $" ({Revision})")}\n" +
        $"KQL analyzer: {Analyzer.Name} {Analyzer.Version} (Kusto.Language)\n" +
        $".NET {Environment.Version}";

    private static (string, string) ReadAnalyzer()
    {
        using var stream = typeof(ToolVersion).Assembly.GetManifestResourceStream("analyzer-package.json");
        if (stream is null)
        {
            return ("@kusto/language-service-next", "unknown");
        }
        using var document = JsonDocument.Parse(stream);
        return (document.RootElement.GetProperty("name").GetString()!, document.RootElement.GetProperty("version").GetString()!);
    }
}
