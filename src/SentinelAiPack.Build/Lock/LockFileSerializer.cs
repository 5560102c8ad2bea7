using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelAiPack.Build.Json;
using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Build.Lock;

/// <summary>Reads and writes <c>aipack.lock.json</c> (canonical JSON: sorted keys, so diffs show only real changes).</summary>
public static class LockFileSerializer
{
    private const long MaxBytes = 16 * 1024 * 1024;

    /// <summary>The lock file at <paramref name="path"/>; a missing file is an empty lock. Problems become SAP8016.</summary>
    public static LockFile? Read(string path, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!File.Exists(path))
        {
            return LockFile.Empty;
        }
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > MaxBytes)
            {
                diagnostics.Add(BuildCodes.LockFileInvalid.Create(path, SourceSpan.Unknown, $"The lock file is larger than {MaxBytes / (1024 * 1024)} MB; it was not read."));
                return null;
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(BuildCodes.LockFileInvalid.Create(path, SourceSpan.Unknown, $"The lock file cannot be read: {e.Message}"));
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            return Parse(document.RootElement, path, diagnostics);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            diagnostics.Add(BuildCodes.LockFileInvalid.Create(path, new SourceSpan(line, (int)(e.BytePositionInLine ?? 0) + 1),
                "The lock file is not valid JSON; fix it or restore it from version control."));
            return null;
        }
    }

    public static ArtifactFile ToFile(string relativePath, LockFile lockFile) => ArtifactFile.Json(relativePath, ToJson(lockFile));

    public static JsonObject ToJson(LockFile lockFile)
    {
        ArgumentNullException.ThrowIfNull(lockFile);
        var deprecated = new JsonObject();
        foreach (var (key, entry) in lockFile.Deprecated)
        {
            deprecated[key] = new JsonObject
            {
                ["name"] = entry.Name,
                ["lastVersion"] = entry.LastVersion,
                ["reason"] = entry.Reason,
                ["replacement"] = entry.Replacement,
            };
        }
        var root = new JsonObject
        {
            ["description"] = "Written by `aipack lock`. Every item's version and logic hash; `aipack build` fails when an item's logic changed without a version bump. Removed items stay under deprecated.",
            ["formatVersion"] = lockFile.FormatVersion,
            ["deprecated"] = deprecated,
        };
        foreach (var section in LockSections.All)
        {
            root[LockSections.JsonName(section)] = Entries(lockFile.Section(section));
        }
        return root;
    }

    private static JsonObject Entries(IReadOnlyDictionary<string, LockEntry> section)
    {
        var entries = new JsonObject();
        foreach (var (key, entry) in section)
        {
            entries[key] = new JsonObject
            {
                ["kind"] = entry.Kind,
                ["name"] = entry.Name,
                ["version"] = entry.Version,
                ["hash"] = entry.Hash,
                ["file"] = entry.File,
            };
        }
        return entries;
    }

    private static LockFile? Parse(JsonElement root, string path, ICollection<Diagnostic> diagnostics)
    {
        var problems = new List<string>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add("the lock file must be a JSON object");
        }
        else if (root.TryGetProperty("formatVersion", out var format) && (!format.TryGetInt32(out var version) || version != LockFile.CurrentFormatVersion))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"formatVersion must be {LockFile.CurrentFormatVersion}"));
        }
        var sections = new Dictionary<LockSection, SortedDictionary<string, LockEntry>>();
        var deprecated = new SortedDictionary<string, DeprecationEntry>(StringComparer.Ordinal);
        if (problems.Count == 0)
        {
            // A section a lock file predates is simply absent: its items then read as not locked yet (SAP8012).
            foreach (var section in LockSections.All)
            {
                var name = LockSections.JsonName(section);
                var entries = sections[section] = new SortedDictionary<string, LockEntry>(StringComparer.Ordinal);
                foreach (var (key, value) in Objects(root, name, problems))
                {
                    var entry = new LockEntry(Text(value, "kind"), Text(value, "name"), Text(value, "version"), Text(value, "hash"), Text(value, "file"));
                    if (entry.Version.Length == 0 || entry.Hash.Length == 0)
                    {
                        problems.Add($"{name}.{key} needs a version and a hash");
                    }
                    entries[key] = entry;
                }
            }
            foreach (var (key, value) in Objects(root, "deprecated", problems))
            {
                var replacement = Text(value, "replacement");
                deprecated[key] = new DeprecationEntry(Text(value, "name"), Text(value, "lastVersion"), Text(value, "reason"), replacement.Length == 0 ? null : replacement);
            }
        }
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                diagnostics.Add(BuildCodes.LockFileInvalid.Create(path, SourceSpan.Unknown, $"The lock file is malformed: {problem}."));
            }
            return null;
        }
        return LockFile.From(sections, deprecated);
    }

    private static IEnumerable<(string Key, JsonElement Value)> Objects(JsonElement root, string name, List<string> problems)
    {
        if (!root.TryGetProperty(name, out var container) || container.ValueKind == JsonValueKind.Null)
        {
            yield break;
        }
        if (container.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"'{name}' must be an object keyed by item id");
            yield break;
        }
        foreach (var property in container.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{name}.{property.Name} must be an object");
                continue;
            }
            yield return (property.Name, property.Value);
        }
    }

    private static string Text(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : string.Empty;
}
