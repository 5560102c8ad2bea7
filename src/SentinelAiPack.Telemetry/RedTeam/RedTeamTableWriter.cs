using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SentinelAiPack.Telemetry.SampleData.Output;
using SentinelAiPack.Telemetry.SampleData.World;
using SentinelAiPack.Telemetry.Schemas;

namespace SentinelAiPack.Telemetry.RedTeam;

/// <summary>
/// Writes imported attempts into the telemetry model's tables, one session per attempt, the way an instrumented AI
/// application logs them (<c>docs/data-model.md</c>):
/// <list type="bullet">
/// <item>user channel: the conversation in AIConversationTurn_CL (user, assistant, system and tool messages; TurnIndex
/// counts user messages);</item>
/// <item>document channel: a neutral user question, then the payload as the retrieved document in AIRetrieval_CL
/// (ContentSnippet, URLs and e-mail addresses it contains);</item>
/// <item>tool channel: a neutral user request, the assistant's tool call, the call in AIToolCall_CL with the payload as
/// its result (ResultSummary), and the tool message carrying it to the model (Role tool);</item>
/// <item>verdicts in AIContentSafety_CL: those the source recorded (PyRIT scores) and, with
/// <see cref="RedTeamImportOptions.WithVerdict"/>, the Prompt Shields finding a classifier would log — a user prompt
/// attack (Category Jailbreak) or document attack (IndirectAttack) for attacks, a clean row (Category None) otherwise.</item>
/// </list>
/// Tool calls the source recorded go to AIToolCall_CL. Every table of the pack gets a file, empty when nothing was
/// written to it, plus <see cref="RedTeamManifest"/>.
/// </summary>
public static partial class RedTeamTableWriter
{
    private const string WorkspaceId = "00000000-0000-4000-8000-0000000012ab";
    private const string ClientIp = "198.51.100.77";
    private const string Deployment = "gpt-4o-prod";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(3);

    public static RedTeamManifest Write(IReadOnlyList<RedTeamAttempt> attempts, string outDir, RedTeamImportOptions options, string source)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        ArgumentNullException.ThrowIfNull(options);
        var spacing = options.To is { } to && attempts.Count > 1
            ? TimeSpan.FromTicks((to - options.From).Ticks / (attempts.Count - 1))
            : RedTeamImportOptions.DefaultSpacing;
        var entries = new List<RedTeamManifest.Entry>(attempts.Count);
        var last = options.From;
        using (var sink = new TableSink(outDir, PackSchemas.Tables, WorkspaceId))
        {
            for (var i = 0; i < attempts.Count; i++)
            {
                var attempt = attempts[i];
                var start = options.From + spacing * i;
                var session = SessionId(i, attempt);
                var user = options.User ?? session + "@redteam.contoso.com";
                var context = new Session(sink, options, attempt, session, user, start);
                var end = attempt.Channel switch
                {
                    RedTeamChannels.Document => context.Document(),
                    RedTeamChannels.Tool => context.ToolOutput(),
                    _ => context.Conversation(),
                };
                last = end > last ? end : last;
                entries.Add(new RedTeamManifest.Entry
                {
                    Id = attempt.Id,
                    Session = session,
                    User = user,
                    Family = attempt.Family,
                    Source = attempt.Source,
                    Label = attempt.Label,
                    Channel = attempt.Channel,
                    Time = start,
                    Excerpt = attempt.PayloadText.Length > 300 ? attempt.PayloadText[..300] : attempt.PayloadText,
                    ModelCompromised = attempt.ModelCompromised,
                });
            }
        }
        var manifest = new RedTeamManifest { Source = source, From = options.From, To = last, WithVerdict = options.WithVerdict, Attempts = entries };
        manifest.Write(outDir);
        return manifest;
    }

    /// <summary>A session id unique within the import and recognisable in any alert column: <c>rt-00042-1a2b3c4d</c>.</summary>
    public static string SessionId(int index, RedTeamAttempt attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"rt-{index:D5}-{Hashing.Sha256Hex(attempt.Source + "\n" + attempt.Id)[..8]}");

    /// <summary>Finds the session ids <see cref="SessionId"/> makes inside any text (alert columns, JSON lists, UPNs).</summary>
    [GeneratedRegex(@"rt-\d{5}-[0-9a-f]{8}")]
    public static partial Regex SessionPattern();

    /// <summary>One attempt's rows.</summary>
    private sealed class Session(TableSink sink, RedTeamImportOptions options, RedTeamAttempt attempt, string session, string user, DateTime start)
    {
        private readonly string _objectId = StableIds.Guid("redteam-user/" + user);
        private int _message;
        private int _turn = -1;
        private DateTime _time = start;

        private DateTime Next()
        {
            var t = _time;
            _time += Step;
            return t;
        }

        public DateTime Conversation()
        {
            string? lastUserMessage = null;
            var lastUserText = "";
            var messageIds = new List<string>();
            foreach (var message in attempt.Messages)
            {
                var id = Message(message.Role, message.Text, Next());
                messageIds.Add(id);
                if (message.Role == "user")
                {
                    (lastUserMessage, lastUserText) = (id, message.Text);
                }
            }
            foreach (var verdict in attempt.Verdicts.Where(v => v.MessageIndex >= 0 && v.MessageIndex < attempt.Messages.Count))
            {
                var message = attempt.Messages[verdict.MessageIndex];
                Verdict(TextSource(message.Role), message.Text, verdict.Detector, verdict.Category, verdict.Severity, verdict.Detected, verdict.SeverityScore,
                    Next(), messageId: messageIds[verdict.MessageIndex]);
            }
            foreach (var call in attempt.ToolCalls)
            {
                ToolCall(call.Name, Arguments(call.ArgumentsJson), call.Result, "other", "execute", null, Next(), null);
            }
            if (options.WithVerdict && lastUserMessage is not null && !attempt.Verdicts.Any(v => v.Detector == "PromptShields"))
            {
                PromptShields("UserPrompt", "Jailbreak", lastUserText, Next(), messageId: lastUserMessage);
            }
            return _time;
        }

        public DateTime Document()
        {
            var question = "Can you summarize the most relevant document in the knowledge base for me?";
            Message("user", question, Next());
            var text = attempt.PayloadText;
            var retrieval = "ret-" + session;
            var document = "doc-" + session;
            var time = Next();
            var verdict = !options.WithVerdict ? "NotScanned" : attempt.Label == RedTeamLabels.Attack ? "IndirectAttack" : "Clean";
            sink.Row("AIRetrieval_CL", time)
                .Str("AppName", options.AppName).Str("SessionId", session).Str("ConversationId", session).Int("TurnIndex", _turn)
                .Str("RetrievalId", retrieval).Str("UserPrincipalName", user).Str("UserObjectId", _objectId).Str("ClientIp", ClientIp)
                .Str("IndexName", "redteam-kb").Str("DataSourceType", "AzureAISearch").Str("QueryText", question).Str("QuerySha256", Hashing.Sha256Hex(question))
                .Str("DocumentId", document).Str("ChunkId", document + "#0").Str("DocumentUri", "https://contoso.sharepoint.com/sites/kb/" + document + ".docx")
                .Str("DocumentTitle", "Imported " + attempt.Family + " document").Str("DocumentOwner", "kb-editor@contoso.com")
                .Dyn("AclPrincipals", new JsonArray("All Employees")).Bool("AclEnforced", true).Bool("UserInAcl", true).Str("SensitivityLabel", "General")
                .Real("Score", 0.82).Int("Rank", 1).Str("ContentSafetyVerdict", verdict)
                .Str("ContentSnippet", Cap(text, 1000)).Str("ContentSha256", Hashing.Sha256Hex(text))
                .Dyn("EmbeddedUrls", Strings(UrlPattern().Matches(text))).Dyn("EmbeddedEmails", Strings(EmailPattern().Matches(text)))
                .End();
            if (options.WithVerdict)
            {
                PromptShields("Document", "IndirectAttack", text, time.AddMilliseconds(500), retrievalId: retrieval, documentId: document);
            }
            return _time;
        }

        public DateTime ToolOutput()
        {
            Message("user", "Please open the page I shared and tell me what it says.", Next());
            var call = "call-" + session;
            var assistant = Message("assistant", "", Next(), toolCallIds: [call], finishReason: "tool_calls");
            var text = attempt.PayloadText;
            var url = "https://content.example.org/shared/" + session;
            ToolCall("fetch_url", new JsonObject { ["url"] = url }, text, "http", "read", url, Next(), assistant, call);
            Message("tool", text, Next());
            if (options.WithVerdict)
            {
                PromptShields("ToolOutput", "IndirectAttack", text, Next(), toolCallId: call);
            }
            return _time;
        }

        private string Message(string role, string text, DateTime time, IReadOnlyList<string>? toolCallIds = null, string? finishReason = null)
        {
            if (role == "user")
            {
                _turn++;
            }
            var id = $"{session}-m{_message++}";
            var assistant = role == "assistant";
            sink.Row("AIConversationTurn_CL", time)
                .Str("AppName", options.AppName).Str("SessionId", session).Str("ConversationId", session).Int("TurnIndex", Math.Max(0, _turn))
                .Str("MessageId", id).Str("Role", role).Str("UserPrincipalName", user).Str("UserObjectId", _objectId).Str("ClientIp", ClientIp)
                .Str("UserAgent", "aipack-redteam-import").Str("Deployment", Deployment).Str("ModelName", assistant ? "gpt-4o" : null)
                .Str("Provider", "azure.ai.openai").Str("Content", Cap(text, 8000)).Bool("ContentTruncated", text.Length > 8000)
                .Str("ContentSha256", Hashing.Sha256Hex(text)).Int("ContentLength", text.Length)
                .Int("InputTokens", assistant ? 400 : null).Int("OutputTokens", assistant ? Math.Max(1, text.Length / 4) : null)
                .Str("DeliveryStatus", "Delivered").Str("FinishReason", assistant ? finishReason ?? "stop" : null)
                .Dyn("ToolCallIds", toolCallIds is { Count: > 0 } ? new JsonArray([.. toolCallIds.Select(c => (JsonNode?)c)]) : null)
                .Str("OperationId", Hashing.Sha256Hex(id)[..32])
                .End();
            return id;
        }

        private void ToolCall(string name, JsonNode? arguments, string? result, string category, string action, string? target, DateTime time,
            string? triggeringMessage, string? callId = null)
        {
            callId ??= $"call-{session}-{_message++}";
            sink.Row("AIToolCall_CL", time)
                .Str("AppName", options.AppName).Str("AgentName", "redteam-agent").Str("SessionId", session).Str("ConversationId", session)
                .Int("TurnIndex", Math.Max(0, _turn)).Str("TriggeringMessageId", triggeringMessage).Str("ToolCallId", callId).Str("ToolName", name)
                .Str("ToolType", "function").Str("ToolCategory", category).Str("ActionKind", action).Dyn("Arguments", arguments)
                .Str("PrimaryTarget", target).Str("TargetType", target is null ? "none" : "url")
                .Str("TargetDomain", target is null ? null : new Uri(target).Host)
                .Str("ResultStatus", "Success").Str("ResultSummary", result is null ? null : Cap(result, 2000)).Str("ApprovalStatus", "NotRequired")
                .Str("UserPrincipalName", user).Str("UserObjectId", _objectId).Str("ClientIp", ClientIp).Real("DurationMs", 420)
                .End();
        }

        private void PromptShields(string textSource, string attackCategory, string text, DateTime time, string? messageId = null,
            string? toolCallId = null, string? retrievalId = null, string? documentId = null)
        {
            var attack = attempt.Label == RedTeamLabels.Attack;
            Verdict(textSource, text, "PromptShields", attack ? attackCategory : "None", attack ? "High" : "Safe", attack, null, time,
                messageId, toolCallId, retrievalId, documentId, textSource == "UserPrompt" ? "UserPromptAttack" : "DocumentAttack");
        }

        private void Verdict(string textSource, string text, string detector, string category, string severity, bool detected, int? score, DateTime time,
            string? messageId = null, string? toolCallId = null, string? retrievalId = null, string? documentId = null, string? shieldsKind = null)
        {
            var results = detector == "PromptShields"
                ? new JsonObject { ["attackDetected"] = detected, [shieldsKind ?? (textSource == "UserPrompt" ? "UserPromptAttack" : "DocumentAttack")] = detected }
                : new JsonObject { [category.ToLowerInvariant()] = new JsonObject { ["severity"] = score ?? 0 } };
            sink.Row("AIContentSafety_CL", time)
                .Str("AppName", options.AppName).Str("SessionId", session).Str("ConversationId", session).Int("TurnIndex", Math.Max(0, _turn))
                .Str("MessageId", messageId).Str("ToolCallId", toolCallId).Str("RetrievalId", retrievalId).Str("DocumentId", documentId)
                .Str("UserPrincipalName", user).Str("UserObjectId", _objectId).Str("ClientIp", ClientIp).Str("Deployment", Deployment)
                .Str("TextSource", textSource).Str("Detector", detector).Str("Category", category).Str("Severity", severity)
                .Int("SeverityScore", score).Bool("Detected", detected).Str("Action", detected ? "Annotated" : "Allowed")
                .Str("PolicyName", options.AppName + "-content-policy").Str("TextSha256", Hashing.Sha256Hex(text)).Str("TextSnippet", Cap(text, 500))
                .Dyn("AnalysisResults", results)
                .End();
        }
    }

    private static string TextSource(string role) => role switch
    {
        "assistant" => "ModelOutput",
        "tool" => "ToolOutput",
        _ => "UserPrompt",
    };

    private static JsonNode? Arguments(string? json)
    {
        if (json is null)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return new JsonObject { ["input"] = json };
        }
    }

    private static string Cap(string text, int max) =>
        text.Length <= max ? text : char.IsHighSurrogate(text[max - 1]) ? text[..(max - 1)] : text[..max];

    private static JsonArray? Strings(MatchCollection matches) =>
        matches.Count == 0 ? null : new JsonArray([.. matches.Select(m => m.Value).Distinct(StringComparer.Ordinal).Take(20).Select(v => (JsonNode?)v)]);

    [GeneratedRegex(@"https?://[^\s""'<>)\]]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();
}
