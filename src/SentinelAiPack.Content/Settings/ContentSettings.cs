namespace SentinelAiPack.Content.Settings;

/// <summary>
/// Settings of a content repository, read from <c>aipack.yaml</c> at the content root. Paths are absolute
/// (resolved against the settings file's folder).
/// </summary>
/// <example>
/// <code>
/// schemaFolders: [detections/schemas]
/// contentFolders: [detections]
/// connectorIdsFile: detections/connector-ids.json   # JSON array of strings, or one id per line
/// extraConnectorIds: [MyCustomConnector]
/// maxFileSize: 5MB                                   # bytes, or a number with KB/MB
/// </code>
/// </example>
public sealed record ContentSettings
{
    public const string FileName = "aipack.yaml";

    /// <summary>The settings file, or null for defaults.</summary>
    public string? SettingsPath { get; init; }

    /// <summary>The content root (the settings file's folder).</summary>
    public required string RootDirectory { get; init; }

    public IReadOnlyList<string> SchemaFolders { get; init; } = [];

    public IReadOnlyList<string> ContentFolders { get; init; } = [];

    public string? ConnectorIdsFile { get; init; }

    public IReadOnlyList<string> ExtraConnectorIds { get; init; } = [];

    public long? MaxFileSizeBytes { get; init; }

    /// <summary>The Content Hub package's identity (<c>solution:</c>), or null for the build's defaults.</summary>
    public SolutionSettings? Solution { get; init; }

    public static ContentSettings DefaultsFor(string rootDirectory) => new() { RootDirectory = Path.GetFullPath(rootDirectory) };
}
