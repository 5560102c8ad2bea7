using SentinelAiPack.Content.Model;
using SentinelAiPack.Content.Yaml;

namespace SentinelAiPack.Content.Loading;

/// <summary>
/// Decides what a YAML file is, by content with the folder as a hint (docs/architecture.md):
/// <c>ParserQuery</c>/<c>FunctionQuery</c> make a parser; a <c>hunting</c> / <c>Hunting Queries</c> folder makes a
/// hunting query; <c>kind</c> or an analytics folder makes an analytics rule; otherwise rule-only scheduling keys
/// make a rule and a bare <c>query</c> a hunting query.
/// </summary>
public static class ContentClassifier
{
    private static readonly HashSet<string> HuntingFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "hunting", "hunting queries", "hunting-queries", "hunting_queries", "huntingqueries",
    };

    private static readonly HashSet<string> AnalyticsFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "analytics", "analytic rules", "analytics rules", "analytic-rules", "analytics-rules", "analytic_rules", "analyticrules", "detections",
    };

    private static readonly string[] RuleOnlyKeys = ["queryFrequency", "queryPeriod", "triggerOperator", "triggerThreshold"];

    public static ContentKind? Classify(string path, YamlMapping root)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(root);
        if (Has(root, "ParserQuery") || Has(root, "FunctionQuery"))
        {
            return ContentKind.Parser;
        }
        var folders = FolderNames(path);
        if (folders.Any(HuntingFolders.Contains))
        {
            return ContentKind.HuntingQuery;
        }
        if (Has(root, "kind") || folders.Any(AnalyticsFolders.Contains) || RuleOnlyKeys.Any(key => Has(root, key)))
        {
            return ContentKind.AnalyticRule;
        }
        return Has(root, "query") ? ContentKind.HuntingQuery : null;
    }

    private static bool Has(YamlMapping root, string key) => root.Find(key, ignoreCase: true) is not null;

    private static IEnumerable<string> FolderNames(string path)
    {
        var directory = Path.GetDirectoryName(path) ?? string.Empty;
        return directory.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
    }
}
