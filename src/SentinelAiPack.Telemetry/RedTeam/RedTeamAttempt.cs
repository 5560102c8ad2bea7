namespace SentinelAiPack.Telemetry.RedTeam;

/// <summary>
/// One red-team attempt (a garak attempt, a PyRIT conversation, a line of a prompt list) as the importer writes it:
/// one session of the telemetry model. <see cref="Label"/> says whether the SOC should flag it.
/// </summary>
public sealed record RedTeamAttempt
{
    /// <summary>The attempt's id in its source (garak uuid, PyRIT conversation_id, the prompt list's id).</summary>
    public required string Id { get; init; }

    /// <summary>The attack family the report groups by: garak probe module, PyRIT converter or attack, the list's family.</summary>
    public required string Family { get; init; }

    /// <summary>Where it came from in more detail: garak probe class, PyRIT attack and converters, the list's source.</summary>
    public required string Source { get; init; }

    public required string Label { get; init; }

    /// <summary>Where the payload text reaches the model: the user's prompt, a retrieved document, or a tool's output.</summary>
    public string Channel { get; init; } = RedTeamChannels.User;

    /// <summary>The conversation in order (roles user, assistant, system, tool).</summary>
    public required IReadOnlyList<RedTeamMessage> Messages { get; init; }

    public IReadOnlyList<RedTeamToolCall> ToolCalls { get; init; } = [];

    /// <summary>Classifier verdicts the source recorded (PyRIT Prompt Shields and Content Safety scores).</summary>
    public IReadOnlyList<RedTeamVerdict> Verdicts { get; init; } = [];

    /// <summary>Whether the tool's own judge said the model was fooled (garak detector hit, PyRIT scorer); null when unknown.</summary>
    public bool? ModelCompromised { get; init; }

    /// <summary>Where the attempt was read: file and line (or array element).</summary>
    public string? Origin { get; init; }

    /// <summary>The text that carries the payload: for the user channel the last user message, else the document or tool text.</summary>
    public string PayloadText => Payload ?? Messages.LastOrDefault(m => m.Role == "user")?.Text ?? Messages.FirstOrDefault()?.Text ?? "";

    /// <summary>For the document and tool channels: the text that arrives in the retrieval or tool output.</summary>
    public string? Payload { get; init; }
}

public sealed record RedTeamMessage(string Role, string Text);

/// <summary>A tool call the conversation made: name, arguments as JSON text, and its result text.</summary>
public sealed record RedTeamToolCall(string Name, string? ArgumentsJson, string? Result);

/// <summary>A classifier verdict on one message (index into the messages).</summary>
public sealed record RedTeamVerdict(int MessageIndex, string Detector, string Category, string Severity, bool Detected, int? SeverityScore = null);

/// <summary>The labels and channels of the shared prompt-list format.</summary>
public static class RedTeamLabels
{
    public const string Attack = "attack";
    public const string Benign = "benign";
    public const string Discussion = "discussion";

    public static readonly IReadOnlyList<string> All = [Attack, Benign, Discussion];
}

public static class RedTeamChannels
{
    public const string User = "user";
    public const string Document = "document";
    public const string Tool = "tool";

    public static readonly IReadOnlyList<string> All = [User, Document, Tool];
}

/// <summary>A problem with one line or element of an input file; the import goes on with the others.</summary>
public sealed record ImportProblem(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>What a reader got from a file.</summary>
public sealed record ImportResult(IReadOnlyList<RedTeamAttempt> Attempts, IReadOnlyList<ImportProblem> Problems);
