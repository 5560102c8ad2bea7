namespace SentinelAiPack.Validation;

/// <summary>A step of a validation run, for progress display on terminals.</summary>
public sealed record ValidationProgress(string Stage, int Done, int Total);
