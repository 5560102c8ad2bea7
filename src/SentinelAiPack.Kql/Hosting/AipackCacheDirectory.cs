namespace SentinelAiPack.Kql.Hosting;

/// <summary>
/// Where the toolchain keeps caches that survive a run (V8 code cache, analysis results):
/// <c>AIPACK_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/aipack</c>, else <c>~/.cache/aipack</c>.
/// </summary>
public static class AipackCacheDirectory
{
    public const string EnvironmentVariable = "AIPACK_CACHE_DIR";

    public static string Resolve()
    {
        var explicitDirectory = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            return Path.GetFullPath(explicitDirectory);
        }
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "aipack");
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(string.IsNullOrEmpty(home) ? Path.GetTempPath() : home, ".cache", "aipack");
    }
}
