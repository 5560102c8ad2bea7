using SentinelAiPack.Content.Settings;

namespace SentinelAiPack.Validation;

/// <summary>What to validate: content paths and schema folders (absolute), the content repository's settings.</summary>
public sealed record ValidationInput
{
    public required IReadOnlyList<string> Paths { get; init; }

    /// <summary>Extra schema folders (<c>--schemas</c>), each later one overriding earlier ones by table name.</summary>
    public IReadOnlyList<string> SchemaFolders { get; init; } = [];

    public ContentSettings? Settings { get; init; }

    /// <summary>Include the pinned schemas shipped with the tool (on by default).</summary>
    public bool IncludeBuiltInSchemas { get; init; } = true;

    /// <summary>How file paths appear in findings (e.g. relative to the working directory).</summary>
    public Func<string, string> DisplayPath { get; init; } = path => path;
}
