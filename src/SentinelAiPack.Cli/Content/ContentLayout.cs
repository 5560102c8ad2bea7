namespace SentinelAiPack.Cli.Content;

/// <summary>
/// The content folders of a repository that has no <c>aipack.yaml</c>, found by their names, case-insensitively:
/// this pack's <c>detections/</c>, or the Azure-Sentinel layout customers copy (<c>Detections/</c>, <c>Hunting Queries/</c>,
/// <c>Parsers/</c>, and <c>Analytic Rules/</c>, <c>Hunting Queries/</c>, <c>Parsers/</c> of every <c>Solutions/*</c>), with the
/// custom table schemas and valid connector ids of Azure-Sentinel's <c>.script/tests</c> when they are there.
/// </summary>
public sealed record ContentLayout
{
    /// <summary>Top-level folders holding rules, hunting queries or parsers.</summary>
    public static IReadOnlyList<string> TopLevelFolders { get; } = ["Detections", "Analytic Rules", "Analytics Rules", "Hunting Queries", "Parsers"];

    /// <summary>Folders of one solution (<c>Solutions/&lt;name&gt;/…</c>) holding rules, hunting queries or parsers.</summary>
    public static IReadOnlyList<string> SolutionFolders { get; } = ["Analytic Rules", "Analytics Rules", "Hunting Queries", "Parsers"];

    /// <summary>Custom table schemas in Azure-Sentinel's KQL validation format.</summary>
    public const string CustomTablesFolder = ".script/tests/KqlvalidationsTests/CustomTables";

    /// <summary>The connector ids Azure-Sentinel's template validation accepts.</summary>
    public const string ConnectorIdsFile = ".script/tests/detectionTemplateSchemaValidation/ValidConnectorIds.json";

    /// <summary>What was found, for messages and the generated settings file.</summary>
    public required string Description { get; init; }

    /// <summary>The repository root the folders were looked for in.</summary>
    public required string Root { get; init; }

    /// <summary>Content folders, absolute, in the order they were found (top level first, then solutions by name).</summary>
    public required IReadOnlyList<string> ContentFolders { get; init; }

    public IReadOnlyList<string> SchemaFolders { get; init; } = [];

    public string? ConnectorIds { get; init; }

    /// <summary>The layout under <paramref name="root"/>, or null when no content folder is there.</summary>
    public static ContentLayout? Discover(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var content = new List<string>();
        content.AddRange(TopLevelFolders.Select(name => Child(root, name)).OfType<string>().Distinct(StringComparer.Ordinal));
        var solutions = Child(root, "Solutions");
        var solutionCount = 0;
        if (solutions is not null)
        {
            foreach (var solution in Subfolders(solutions))
            {
                var found = SolutionFolders.Select(name => Child(solution, name)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                solutionCount += found.Count > 0 ? 1 : 0;
                content.AddRange(found);
            }
        }
        if (content.Count == 0)
        {
            return null;
        }
        var schemas = ChildPath(root, CustomTablesFolder);
        var connectorIds = ChildPath(root, ConnectorIdsFile, file: true);
        var azureSentinel = solutionCount > 0 || schemas is not null || content.Any(f => !Path.GetFileName(f).Equals("detections", StringComparison.OrdinalIgnoreCase));
        var ownSchemas = content.Select(f => Child(f, "schemas")).OfType<string>().Where(_ => !azureSentinel);
        return new ContentLayout
        {
            Description = azureSentinel
                ? $"the Azure-Sentinel layout ({content.Count} content folder(s){(solutionCount > 0 ? $", {solutionCount} solution(s)" : string.Empty)})"
                : "a detections/ folder",
            Root = Path.GetFullPath(root),
            ContentFolders = content,
            SchemaFolders = [.. (schemas is null ? [] : new[] { schemas }), .. ownSchemas],
            ConnectorIds = connectorIds,
        };
    }

    /// <summary>The folder of the repository a path is in: the nearest folder above with <c>.git</c> (a folder, or a file in a worktree), else the path itself.</summary>
    public static string RepositoryRoot(string directory)
    {
        for (var current = new DirectoryInfo(Path.GetFullPath(directory)); current is not null; current = current.Parent)
        {
            var git = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return current.FullName;
            }
        }
        return Path.GetFullPath(directory);
    }

    private static string? Child(string parent, string name, bool file = false)
    {
        try
        {
            var entries = file ? Directory.EnumerateFiles(parent) : Directory.EnumerateDirectories(parent);
            // An exact match wins over a case-insensitive one (a case-sensitive file system may hold both).
            var matches = entries.Where(e => Path.GetFileName(e).Equals(name, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
            return matches.FirstOrDefault(e => Path.GetFileName(e) == name) ?? matches.FirstOrDefault();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ChildPath(string root, string relative, bool file = false)
    {
        var segments = relative.Split('/');
        var current = root;
        for (var i = 0; i < segments.Length; i++)
        {
            if (Child(current, segments[i], file && i == segments.Length - 1) is not { } next)
            {
                return null;
            }
            current = next;
        }
        return current;
    }

    private static IEnumerable<string> Subfolders(string folder)
    {
        try
        {
            return Directory.EnumerateDirectories(folder).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
