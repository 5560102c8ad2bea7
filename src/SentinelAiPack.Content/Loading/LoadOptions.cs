namespace SentinelAiPack.Content.Loading;

/// <summary>How <see cref="ContentLoader"/> reads files.</summary>
public sealed record LoadOptions
{
    public const long DefaultMaxFileSizeBytes = 5 * 1024 * 1024;

    public static LoadOptions Default { get; } = new();

    /// <summary>Files larger than this are refused without being read (SAP5002).</summary>
    public long MaxFileSizeBytes { get; init; } = DefaultMaxFileSizeBytes;

    /// <summary>Options honouring a settings file's <c>maxFileSize</c>.</summary>
    public static LoadOptions For(Settings.ContentSettings? settings) =>
        settings?.MaxFileSizeBytes is { } max ? new LoadOptions { MaxFileSizeBytes = max } : Default;
}
