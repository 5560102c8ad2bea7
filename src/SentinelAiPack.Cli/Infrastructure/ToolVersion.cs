using System.Reflection;

namespace SentinelAiPack.Cli.Infrastructure;

public static class ToolVersion
{
    /// <summary>The informational version of the tool (without source-revision suffix).</summary>
    public static string Current { get; } =
        (typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];
}
