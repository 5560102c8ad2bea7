using System.Globalization;
using System.Text.Json;

namespace SentinelAiPack.Telemetry.RedTeam;

/// <summary>
/// Reads a PyRIT memory export: <c>MemoryInterface.export_conversations()</c> writes a JSON array of message pieces
/// (<c>MessagePiece.to_dict()</c>; older releases <c>PromptRequestPiece</c>); JSON Lines of pieces are read too. A piece
/// has <c>conversation_id</c>, <c>sequence</c>, <c>role</c> (user, assistant, system, simulated_assistant, tool,
/// developer), <c>converted_value</c> (what the target received; older exports <c>converted_prompt_text</c>) with
/// <c>converted_value_data_type</c>, <c>converter_identifiers</c>, <c>attack_identifier</c> (older
/// <c>orchestrator_identifier</c>), <c>labels</c>, <c>response_error</c> and <c>scores</c> (<c>score_value</c>,
/// <c>score_type</c>, <c>score_category</c>, <c>scorer_class_identifier</c>). Identifiers name their class in
/// <c>class_name</c> (older <c>__type__</c>).
/// One conversation is one attempt. The family is the converters applied to the user's prompt (<c>Base64</c>,
/// <c>ROT13+CharSwap</c>), else the attack (<c>Crescendo</c>), else the <c>dataset</c> label. Prompt Shields and Azure
/// Content Filter scores become the verdicts a classifier would have logged; other true/false scorers on the model's
/// answer say whether the attack succeeded (a refusal scorer's "true" means it did not).
/// </summary>
public static class PyritExportReader
{
    /// <summary>Exports larger than this are refused.</summary>
    public const long MaxBytes = 1L << 30;

    public static ImportResult Read(string path, string displayPath)
    {
        var problems = new List<ImportProblem>();
        var pieces = new List<(int Line, JsonElement Piece)>();
        if (new FileInfo(path).Length > MaxBytes)
        {
            return new ImportResult([], [new ImportProblem(displayPath, 0, $"larger than {MaxBytes >> 30} GB")]);
        }
        var isArray = StartsWithArray(path);
        if (isArray)
        {
            try
            {
                using var stream = File.OpenRead(path);
                using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 128 });
                var index = 0;
                foreach (var piece in document.RootElement.EnumerateArray())
                {
                    pieces.Add((++index, piece.Clone()));
                }
            }
            catch (JsonException e)
            {
                var line = e.LineNumber is { } l ? (int)l + 1 : 0;
                return new ImportResult([], [new ImportProblem(displayPath, line, "not a valid JSON array of message pieces: " + JsonLines.FirstSentence(e.Message))]);
            }
        }
        else
        {
            foreach (var (line, value, error) in JsonLines.Read(path))
            {
                if (error is not null)
                {
                    problems.Add(new ImportProblem(displayPath, line, error));
                }
                else
                {
                    pieces.Add((line, value!.Value));
                }
            }
        }
        var conversations = new Dictionary<string, List<Piece>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (line, element) in pieces)
        {
            var where = isArray ? $"element {line}" : $"line {line}";
            var (piece, problem) = Parse(element);
            if (piece is null)
            {
                problems.Add(new ImportProblem(displayPath, isArray ? 0 : line, isArray ? $"element {line}: {problem}" : problem!));
                continue;
            }
            if (!conversations.TryGetValue(piece.ConversationId, out var list))
            {
                conversations[piece.ConversationId] = list = [];
                order.Add(piece.ConversationId);
            }
            list.Add(piece with { Origin = $"{displayPath} {where}" });
        }
        var attempts = new List<RedTeamAttempt>();
        foreach (var id in order)
        {
            if (Attempt(id, conversations[id]) is { } attempt)
            {
                attempts.Add(attempt);
            }
            else
            {
                problems.Add(new ImportProblem(displayPath, 0, $"conversation {id} has no text message from the user; skipped"));
            }
        }
        if (attempts.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(displayPath, 0, "no message pieces; is this a PyRIT memory export?"));
        }
        return new ImportResult(attempts, problems);
    }

    private sealed record Piece(string ConversationId, int Sequence, DateTime? Timestamp, string Role, string Text, string DataType,
        IReadOnlyList<string> Converters, string? Attack, string? Dataset, IReadOnlyList<JsonElement> Scores)
    {
        public string? Origin { get; init; }
    }

    private static (Piece? Piece, string? Problem) Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, "a message piece must be a JSON object");
        }
        var conversation = Json.Text(Json.Property(element, "conversation_id"));
        if (string.IsNullOrWhiteSpace(conversation))
        {
            return (null, "a message piece without \"conversation_id\"");
        }
        var role = Json.String(element, "role");
        if (role is null)
        {
            return (null, $"a piece of conversation {conversation} has no \"role\"");
        }
        var text = Json.String(element, "converted_value") ?? Json.String(element, "converted_prompt_text")
            ?? Json.String(element, "original_value") ?? Json.String(element, "original_prompt_text");
        if (text is null)
        {
            return (null, $"a piece of conversation {conversation} has no \"converted_value\" or \"original_value\" text");
        }
        var sequence = Json.Property(element, "sequence") is { ValueKind: JsonValueKind.Number } s && s.TryGetInt32(out var n) ? n : int.MaxValue;
        DateTime? timestamp = Json.String(element, "timestamp") is { } t && DateTime.TryParse(t, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null;
        var dataType = Json.String(element, "converted_value_data_type") ?? Json.String(element, "converted_prompt_data_type") ?? "text";
        var converters = Json.Array(element, "converter_identifiers").Concat(Json.Array(element, "converters"))
            .Select(c => Json.ClassName(c)).Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).ToList();
        var attack = Json.ClassName(Json.Property(element, "attack_identifier")) ?? Json.ClassName(Json.Property(element, "orchestrator_identifier"))
            ?? Json.ClassName(Json.Property(element, "orchestrator"));
        var labels = Json.Property(element, "labels");
        var dataset = labels is { } l ? Json.String(l, "dataset") ?? Json.String(l, "dataset_name") : null;
        return (new Piece(conversation, sequence, timestamp, role.ToLowerInvariant(), text, dataType.ToLowerInvariant(), converters, attack, dataset,
            Json.Array(element, "scores").ToList()), null);
    }

    private static RedTeamAttempt? Attempt(string id, List<Piece> pieces)
    {
        var ordered = pieces.OrderBy(p => p.Sequence).ThenBy(p => p.Timestamp ?? DateTime.MinValue).ToList();
        var messages = new List<RedTeamMessage>();
        var tools = new List<RedTeamToolCall>();
        var verdicts = new List<RedTeamVerdict>();
        bool? compromised = null;
        foreach (var piece in ordered)
        {
            switch (piece.DataType)
            {
                case "function_call" or "tool_call":
                    tools.Add(ToolCall(piece.Text));
                    continue;
                case "function_call_output":
                    if (tools.Count > 0 && tools[^1].Result is null)
                    {
                        tools[^1] = tools[^1] with { Result = piece.Text };
                    }
                    continue;
                case not ("text" or "url" or "error"):
                    continue;                                   // images, audio, video: no text to log
            }
            var role = piece.Role switch
            {
                "simulated_assistant" => "assistant",
                "developer" => "system",
                "user" or "assistant" or "system" or "tool" => piece.Role,
                _ => "user",
            };
            messages.Add(new RedTeamMessage(role, piece.Text));
            foreach (var score in piece.Scores)
            {
                var (verdict, fooled) = Score(score, messages.Count - 1, role);
                if (verdict is not null)
                {
                    verdicts.Add(verdict);
                }
                compromised = fooled ?? compromised;
            }
        }
        if (!messages.Any(m => m.Role == "user" && m.Text.Length > 0))
        {
            return null;
        }
        var firstUser = ordered.First(p => p.Role == "user");
        var converters = firstUser.Converters.Select(c => Trim(c, "Converter")).ToList();
        var attack = firstUser.Attack ?? ordered.Select(p => p.Attack).FirstOrDefault(a => a is not null);
        var family = converters.Count > 0 ? string.Join("+", converters)
            : attack is not null ? Trim(Trim(attack, "Attack"), "Orchestrator")
            : firstUser.Dataset ?? "pyrit";
        var source = "pyrit " + string.Join(" ", new[] { attack, converters.Count > 0 ? string.Join("+", firstUser.Converters) : null, firstUser.Dataset }.Where(s => s is not null));
        return new RedTeamAttempt
        {
            Id = id,
            Family = family,
            Source = source,
            Label = RedTeamLabels.Attack,
            Messages = messages,
            ToolCalls = tools,
            Verdicts = verdicts,
            ModelCompromised = compromised,
            Origin = firstUser.Origin,
        };
    }

    /// <summary>A score as a classifier verdict (Prompt Shields, Azure Content Filter) or as the attack's outcome (other judges on answers).</summary>
    private static (RedTeamVerdict? Verdict, bool? Compromised) Score(JsonElement score, int message, string role)
    {
        var scorer = Json.ClassName(Json.Property(score, "scorer_class_identifier")) ?? "";
        var value = Json.Text(Json.Property(score, "score_value")) ?? "";
        var type = Json.String(score, "score_type");
        var categories = Json.Array(score, "score_category").Select(c => Json.Text(c)).Where(c => c is not null).ToList();
        if (scorer.Contains("PromptShield", StringComparison.OrdinalIgnoreCase))
        {
            var detected = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
            var category = role == "user" ? "Jailbreak" : "IndirectAttack";
            return (new RedTeamVerdict(message, "PromptShields", detected ? category : "None", detected ? "High" : "Safe", detected), null);
        }
        if (scorer.Contains("ContentFilter", StringComparison.OrdinalIgnoreCase) && type == "float_scale"
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale))
        {
            // Azure AI Content Safety severities 0-7 normalized to 0..1 by the scorer.
            var severityScore = (int)Math.Round(Math.Clamp(scale, 0, 1) * 7);
            var severity = severityScore switch { 0 => "Safe", <= 2 => "Low", <= 4 => "Medium", _ => "High" };
            var category = categories.FirstOrDefault() is { } c ? HarmCategory(c) : "Unknown";
            return (new RedTeamVerdict(message, "ContentSafetyText", severityScore > 0 ? category : "None", severity, severityScore > 0, severityScore), null);
        }
        if (role == "assistant" && type == "true_false")
        {
            var yes = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
            return (null, scorer.Contains("Refusal", StringComparison.OrdinalIgnoreCase) ? !yes : yes);
        }
        return (null, null);
    }

    private static string HarmCategory(string category) => category.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() switch
    {
        "hate" => "Hate",
        "sexual" => "Sexual",
        "violence" => "Violence",
        "selfharm" => "SelfHarm",
        _ => "Unknown",
    };

    private static RedTeamToolCall ToolCall(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var function = Json.Property(root, "function") ?? root;
            var name = Json.String(function, "name") ?? "tool";
            var arguments = Json.Property(function, "arguments") is { } a ? (a.ValueKind == JsonValueKind.String ? a.GetString() : a.GetRawText()) : null;
            return new RedTeamToolCall(name, arguments, null);
        }
        catch (JsonException)
        {
            return new RedTeamToolCall("tool", null, null);
        }
    }

    private static string Trim(string name, string suffix) =>
        name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : name;

    private static bool StartsWithArray(string path)
    {
        using var stream = File.OpenRead(path);
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            if (b is 0xEF or 0xBB or 0xBF || char.IsWhiteSpace((char)b))
            {
                continue;
            }
            return b == '[';
        }
        return false;
    }
}
