using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Content.Model;

/// <summary>
/// The pack's <c>aipack:</c> block (see docs/architecture.md): what Sentinel has no field for. The build drops it
/// from deployed ARM. Values are kept as written; checking them against their vocabularies is the validators' job.
/// </summary>
public sealed record AiPackExtension(SourceSpan Span)
{
    /// <summary>PromptInjection | OutputPolicyViolation | AnomalousToolCall | ModelDrift | TrainingPipelineAnomaly | RagVectorStore | DefenderForAI.</summary>
    public Located<string>? AlertType { get; init; }

    /// <summary>What the rule alerts on: <c>verdict</c> (a classifier's verdict), <c>heuristic</c> (the pattern library or other text heuristics), <c>correlation</c> (a signal followed by an action), <c>behavior</c> (other telemetry).</summary>
    public Located<string>? DetectionBasis { get; init; }

    /// <summary>MITRE ATLAS technique ids, e.g. AML.T0051.000.</summary>
    public IReadOnlyList<Located<string>> Atlas { get; init; } = [];

    /// <summary>OWASP Top 10 for LLM Applications ids, e.g. LLM01:2025.</summary>
    public IReadOnlyList<Located<string>> Owasp { get; init; } = [];

    public Located<string>? SeverityRationale { get; init; }

    public IReadOnlyList<Located<string>> DataRequirements { get; init; } = [];

    public IReadOnlyList<Located<string>> Triage { get; init; } = [];

    public IReadOnlyList<Located<string>> Escalation { get; init; } = [];

    public IReadOnlyList<Located<string>> FalsePositives { get; init; } = [];

    public IReadOnlyList<Located<string>> Tuning { get; init; } = [];

    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];
}

/// <summary>A best-practice warning accepted on purpose, with the reason.</summary>
public sealed record Suppression(Located<string>? Code, Located<string>? Justification, SourceSpan Span);
