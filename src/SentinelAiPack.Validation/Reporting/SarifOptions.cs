namespace SentinelAiPack.Validation.Reporting;

/// <summary>
/// Where a SARIF report's paths and links point. Artifact URIs are relative to <see cref="BaseDirectory"/> (the
/// repository root code scanning maps them to, whatever the working directory), declared as <c>%SRCROOT%</c> in
/// <c>originalUriBaseIds</c>; a file outside it gets an absolute <c>file:</c> URI.
/// </summary>
public sealed record SarifOptions
{
    /// <summary>Absolute folder the artifact URIs are relative to.</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>Turns a diagnostic's file path (as the report shows it) into an absolute path.</summary>
    public required Func<string, string> FullPath { get; init; }

    /// <summary>The published diagnostics page; each rule's helpUri is this plus <c>#sapNNNN</c>.</summary>
    public required Uri DiagnosticsPage { get; init; }

    /// <summary>Where users learn about the tool (the driver's informationUri).</summary>
    public required Uri InformationUri { get; init; }
}
