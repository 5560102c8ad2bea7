using System.Globalization;
using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Json;
using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Yaml;

namespace SentinelAiPack.Content.Settings;

/// <summary>Reads <c>aipack.yaml</c> and the connector-id list it may name. Never throws; problems are SAP5030/SAP5031.</summary>
public static class SettingsLoader
{
    private static readonly string[] SettingsNames = [ContentSettings.FileName, "aipack.yml"];

    /// <summary>The settings file in <paramref name="directory"/> or the nearest folder above it, or null.</summary>
    public static string? FindSettingsFile(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        for (var current = new DirectoryInfo(Path.GetFullPath(directory)); current is not null; current = current.Parent)
        {
            foreach (var name in SettingsNames)
            {
                var candidate = Path.Combine(current.FullName, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
            if (Directory.Exists(Path.Combine(current.FullName, ".git")))
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>Reads the settings file; on errors returns what could be read (never null) and reports the rest.</summary>
    public static ContentSettings Load(string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var root = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var defaults = ContentSettings.DefaultsFor(root) with { SettingsPath = path };
        var text = TextFileReader.Read(path, LoadOptions.DefaultMaxFileSizeBytes, diagnostics);
        if (text is null || string.IsNullOrWhiteSpace(text))
        {
            return defaults;
        }
        var documents = YamlDocumentReader.Read(text, diagnostics);
        if (documents is null || documents.Count == 0 || documents[0] is null or YamlScalar { IsNull: true })
        {
            return defaults;
        }
        if (documents[0] is not YamlMapping mapping)
        {
            diagnostics.Add(LoadingCodes.InvalidSettings, documents[0]!.Span, "The settings file must be a mapping of keys (schemaFolders:, contentFolders:, ...).");
            return defaults;
        }
        var reader = new MappingReader(mapping, diagnostics, string.Empty);
        var settings = defaults with
        {
            SchemaFolders = Folders(reader, "schemaFolders", root, diagnostics),
            ContentFolders = Folders(reader, "contentFolders", root, diagnostics),
            ConnectorIdsFile = ExistingFile(reader.Text("connectorIdsFile"), root, diagnostics),
            ExtraConnectorIds = reader.TextList("extraConnectorIds")?.Value.Select(id => id.Value.Trim()).Where(id => id.Length > 0).ToList() ?? [],
            MaxFileSizeBytes = Size(reader.Text("maxFileSize"), diagnostics),
            Solution = SolutionSettingsReader.Read(reader, diagnostics),
        };
        reader.ReportUnknownKeys("aipack.yaml settings");
        return settings;
    }

    /// <summary>Reads a connector-id list: a JSON array of strings (Azure-Sentinel's ValidConnectorIds.json) or one id per line.</summary>
    public static IReadOnlyList<string> ReadConnectorIds(string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var text = TextFileReader.Read(path, LoadOptions.DefaultMaxFileSizeBytes, diagnostics);
        if (text is null)
        {
            return [];
        }
        if (!text.TrimStart().StartsWith('['))
        {
            return text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        }
        var root = JsonTree.Parse(System.Text.Encoding.UTF8.GetBytes(text), diagnostics);
        if (root is null)
        {
            return [];
        }
        if (root.Kind != System.Text.Json.JsonValueKind.Array || root.Items.Any(item => item.Kind != System.Text.Json.JsonValueKind.String))
        {
            diagnostics.Add(LoadingCodes.InvalidSettings, root.Span, "A connector-id list must be a JSON array of strings.");
            return [];
        }
        return root.Items.Select(item => item.Text!.Trim()).Where(id => id.Length > 0).ToList();
    }

    private static List<string> Folders(MappingReader reader, string key, string root, DiagnosticBag diagnostics)
    {
        var list = reader.TextList(key);
        var folders = new List<string>();
        foreach (var item in list?.Value ?? [])
        {
            var full = Path.GetFullPath(Path.Combine(root, item.Value.Trim()));
            if (Directory.Exists(full))
            {
                folders.Add(full);
            }
            else
            {
                diagnostics.Add(LoadingCodes.SettingsPathNotFound, item.Span, $"'{key}' names '{item.Value}', which is not a folder (looked for {full}).");
            }
        }
        return folders;
    }

    private static string? ExistingFile(Model.Located<string>? value, string root, DiagnosticBag diagnostics)
    {
        if (value is null)
        {
            return null;
        }
        var full = Path.GetFullPath(Path.Combine(root, value.Value.Trim()));
        if (File.Exists(full))
        {
            return full;
        }
        diagnostics.Add(LoadingCodes.SettingsPathNotFound, value.Span, $"'connectorIdsFile' names '{value.Value}', which is not a file (looked for {full}).");
        return null;
    }

    private static long? Size(Model.Located<string>? value, DiagnosticBag diagnostics)
    {
        if (value is null)
        {
            return null;
        }
        var text = value.Value.Trim().ToUpperInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        var multiplier = 1L;
        if (text.EndsWith("MB", StringComparison.Ordinal))
        {
            multiplier = 1024 * 1024;
            text = text[..^2];
        }
        else if (text.EndsWith("KB", StringComparison.Ordinal))
        {
            multiplier = 1024;
            text = text[..^2];
        }
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && number > 0 && number * multiplier <= int.MaxValue)
        {
            return (long)(number * multiplier);
        }
        diagnostics.Add(LoadingCodes.InvalidSettings, value.Span, $"'maxFileSize' must be a positive size such as 5MB, 512KB or 1048576, found '{value.Value}'.");
        return null;
    }
}
