using SentinelAiPack.Azure.Sentinel;
using SentinelAiPack.Enrichment.Rendering;
using SentinelAiPack.Enrichment.Rendering.Redaction;

namespace SentinelAiPack.Enrichment;

/// <summary>
/// What the enrichers need to know about the tenant and how far to look. Built from app settings by
/// <see cref="Configuration.EnrichmentSettings"/>; every value has a documented default except the workspace.
/// </summary>
public sealed class EnrichmentOptions
{
    /// <summary>The Sentinel workspace the enrichers serve; incidents of any other workspace are refused.</summary>
    public required SentinelWorkspace Workspace { get; init; }

    /// <summary>Log Analytics workspace (customer) id the queries run against.</summary>
    public required string LogAnalyticsWorkspaceId { get; init; }

    /// <summary>Raise the incident's severity to High when the guide's escalation criteria hold (off by default).</summary>
    public bool RaiseSeverity { get; init; }

    /// <summary>Prefix of every tag the enrichers add.</summary>
    public string TagPrefix { get; init; } = "AIPack:";

    /// <summary>
    /// Email domains and hosts of the organisation. A tool call sending to any other domain is external. The domains of
    /// the incident's users are always internal.
    /// </summary>
    public IReadOnlyList<string> InternalDomains { get; init; } = [];

    /// <summary>Path prefixes file tools may use; empty disables the out-of-scope path check (traversal and system paths are always flagged).</summary>
    public IReadOnlyList<string> AllowedPathPrefixes { get; init; } = [];

    /// <summary>How far before the incident's first activity the transcript is read.</summary>
    public TimeSpan TranscriptLookback { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How far after the incident's last activity the transcript, tool calls and answers are read.</summary>
    public TimeSpan TranscriptLookahead { get; init; } = TimeSpan.FromHours(2);

    /// <summary>How far back other sessions of the same user are listed.</summary>
    public TimeSpan RelatedSessionsLookback { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How far around the incident the same payload is searched for among other users.</summary>
    public TimeSpan CampaignWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Distinct users sending the same payload that make a campaign.</summary>
    public int CampaignMinUsers { get; init; } = 3;

    /// <summary>How far before the incident deployments and inventory snapshots are read.</summary>
    public TimeSpan DeploymentLookback { get; init; } = TimeSpan.FromDays(3);

    /// <summary>Baseline before the deployment window in which an identity counts as a known deployer.</summary>
    public TimeSpan DeployerBaseline { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Most rows read per query.</summary>
    public int MaxRowsPerQuery { get; init; } = 500;

    /// <summary>Characters of each message, snippet or argument list read from the workspace.</summary>
    public int MaxCharsPerValue { get; init; } = 4_000;

    /// <summary>Turns shown before and after the injection turn in the comment's transcript.</summary>
    public int TranscriptTurnsAround { get; init; } = 3;

    /// <summary>Characters of one message shown in the comment.</summary>
    public int MaxCharsPerMessageShown { get; init; } = 1_500;

    /// <summary>
    /// Rendering of the comment: size cap, secret redaction and the configured PII patterns. The default redacts phone,
    /// card, IBAN and US SSN patterns but not email addresses: the user and an exfiltration recipient are the evidence.
    /// </summary>
    public CommentRenderingOptions Rendering { get; init; } = new() { PiiPatterns = DefaultPiiPatterns };

    /// <summary>PII patterns redacted by default: every built-in one except email.</summary>
    public static IReadOnlyList<RedactionPattern> DefaultPiiPatterns { get; } =
        [.. PiiPatterns.Default.Where(p => p.Name != PiiPatterns.Email.Name)];

    /// <summary>Clock (tests pass a fixed one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
