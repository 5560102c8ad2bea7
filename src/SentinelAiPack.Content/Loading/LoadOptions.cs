namespace SentinelAiPack.Content.Loading;

/// <summary>How <see cref="ContentLoader"/> reads files.</summary>
public sealed record LoadOptions
{
    public const long DefaultMaxFileSizeBytes = 5 * 1024 * 1024;

    public static LoadOptions Default { get; } = new();

    /// <summary>Files larger than this are refused without being read (SAP5002).</summary>
    public long MaxFileSizeBytes { get; init; } = DefaultMaxFileSizeBytes;
}
