namespace SentinelAiPack.Workbooks.Preview;

/// <summary>
/// Chart.js (npm <c>chart.js</c>, pinned in package.json), shipped beside the assembly under <c>preview/</c> and inlined
/// into every preview page so the page needs no network.
/// </summary>
public static class ChartLibrary
{
    public const string FileName = "chart.umd.min.js";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "preview", FileName);

    /// <summary>The library's text; a clear error when the build did not ship it.</summary>
    public static string Load(string? path = null)
    {
        path ??= DefaultPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Chart.js was not found at '{path}': the build copies it from node_modules/chart.js (run 'npm ci' at the repository root and rebuild).", path);
        }
        return File.ReadAllText(path);
    }
}
