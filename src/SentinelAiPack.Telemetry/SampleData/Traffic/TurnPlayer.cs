using System.Text;
using System.Text.Json.Nodes;
using SentinelAiPack.Telemetry.SampleData.Emit;
using SentinelAiPack.Telemetry.SampleData.Randomness;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Traffic;

/// <summary>
/// Plays one conversation turn through every table that sees it: prompt verdict, user message, retrieval, model
/// call(s), tool calls and their output verdicts, the answer, its verdict and the output metrics.
/// </summary>
public sealed class TurnPlayer(GenerationContext ctx)
{
    public TurnOutcome Play(Conversation c, DateTime t, TurnScript script, SeededRandom r)
    {
        var turn = c.NextTurn++;
        var operationId = r.Hex(32);
        var userMessageId = "msg-" + r.Hex(16);
        var firstCall = r.GuidString();
        var deployment = c.App.Deployment;
        var version = ctx.Behavior.VersionAt(deployment.Name, t) ?? deployment.ModelVersion;
        var model = deployment.ModelName;

        ctx.Safety.Verdict(c, t.AddMilliseconds(120), turn, "UserPrompt", script.Prompt, script.PromptFinding, firstCall, operationId, messageId: userMessageId);
        var request = new List<(string Role, string Text)>(c.History) { ("user", script.Prompt) };
        var promptTokens = Tokens(request) + Tokens(c.App.SystemPrompt);

        if (script.PromptBlocked)
        {
            ctx.Chat.Message(c, t, turn, userMessageId, "user", script.Prompt, "Blocked", firstCall, operationId);
            ctx.Chat.ModelCall(c, t.AddMilliseconds(200), 90 + r.Next(200), request, null, "content_filter", script.BlockedAtGateway ? 403 : 400,
                promptTokens, 0, firstCall, operationId, r.Hex(16), [], script.BlockedAtGateway, r);
            ctx.Metrics.Answer(c.App.Name, deployment.Name, model, version, t, c.User.Index, 0, promptTokens, 0, refused: false, flagged: true,
                blocked: true, failed: false, toolCalls: false, 300);
            return new TurnOutcome(turn, userMessageId, null, firstCall, operationId, t.AddSeconds(1));
        }

        ctx.Chat.Message(c, t, turn, userMessageId, "user", script.Prompt, "Delivered", firstCall, operationId);
        var now = t.AddMilliseconds(250);
        if (c.App.Index is { } index && script.Retrieved.Count > 0)
        {
            ctx.Retrieval.Retrieve(c, now, turn, index, script.RetrievalQuery ?? script.Prompt, script.Retrieved, script.DocumentFindings,
                script.AclEnforced, operationId, r);
            request.Insert(request.Count - 1, ("system", "Context documents:\n" + string.Join("\n---\n", script.Retrieved.Select(d => d.Text))));
            now = now.AddMilliseconds(180 + r.Next(300));
        }

        var drift = ctx.Behavior.DriftAt(deployment.Name, now);
        var correlation = firstCall;
        if (script.Tools.Count > 0)
        {
            var callIds = script.Tools.Select(_ => "call_" + r.Hex(24)).ToList();
            var requested = script.Tools.Select((step, i) => new JsonObject
            {
                ["id"] = callIds[i],
                ["name"] = step.Tool.Name,
                ["arguments"] = step.Arguments.ToJsonString(),
            }).ToList();
            var planLatency = 500 + r.Next(900);
            var planTokens = 25 * script.Tools.Count;
            ctx.Chat.ModelCall(c, now, planLatency, request, string.Empty, "tool_calls", 200, promptTokens, planTokens, firstCall, operationId,
                r.Hex(16), requested, false, r);
            now = now.AddMilliseconds(planLatency);
            var planMessageId = "msg-" + r.Hex(16);
            ctx.Chat.Message(c, now, turn, planMessageId, "assistant", string.Empty, "Delivered", firstCall, operationId, "tool_calls",
                promptTokens, planTokens, callIds, model, version, "chatcmpl-" + r.Hex(24));
            ctx.Metrics.Answer(c.App.Name, deployment.Name, model, version, now, c.User.Index, planTokens, promptTokens, 0, false, false, false, false,
                toolCalls: true, planLatency);

            request.Add(("assistant", string.Empty));
            for (var i = 0; i < script.Tools.Count; i++)
            {
                var step = script.Tools[i];
                var duration = 80 + r.Next(900);
                ctx.Tools.Call(c, now, turn, planMessageId, callIds[i], step, duration, operationId, r);
                if (step.ScanOutput)
                {
                    ctx.Safety.Verdict(c, now.AddMilliseconds(duration + 60), turn, "ToolOutput", step.Output, step.OutputFinding, string.Empty,
                        operationId, toolCallId: callIds[i]);
                }

                request.Add(("tool", step.Output));
                now = now.AddMilliseconds(duration + 20);
            }

            correlation = r.GuidString();
            promptTokens = Tokens(request) + Tokens(c.App.SystemPrompt);
        }

        var refused = script.Answer is null && r.Chance(drift.RefusalRate);
        var answer = script.ModelStatus != 200 ? null : script.Answer ?? (refused ? r.Pick(TextBank.Refusals) : OrdinaryAnswer(c, r, drift.LengthFactor));
        var finding = script.AnswerFinding ?? (script.Answer is null && r.Chance(drift.FlaggedRate)
            ? new Finding(r.Pick(["Violence", "Hate", "PII"]), "Low", "Annotated", "ContentSafetyText")
            : null);
        var outputTokens = answer is null ? 0 : Math.Max(3, answer.Length / 4);
        var latency = 600 + (outputTokens * 12) + r.Next(900);
        var finish = answer is null ? string.Empty : finding?.Action == "Blocked" ? "content_filter" : "stop";
        ctx.Chat.ModelCall(c, now, latency, request, answer, finish, script.ModelStatus, promptTokens, outputTokens, correlation, operationId,
            r.Hex(16), [], false, r);
        var answerTime = now.AddMilliseconds(latency);
        var answerId = "msg-" + r.Hex(16);
        var delivery = answer is null ? "Failed" : finding?.Action switch { "Blocked" => "Blocked", "Redacted" => "Redacted", _ => script.AnswerDelivery };
        ctx.Chat.Message(c, answerTime, turn, answerId, "assistant", answer ?? string.Empty, delivery, correlation, operationId, finish,
            promptTokens, outputTokens, null, model, version, "chatcmpl-" + r.Hex(24));
        if (answer is not null)
        {
            ctx.Safety.Verdict(c, answerTime.AddMilliseconds(90), turn, "ModelOutput", answer, finding, correlation, operationId, messageId: answerId);
        }

        ctx.Metrics.Answer(c.App.Name, deployment.Name, model, version, answerTime, c.User.Index, outputTokens, promptTokens, answer?.Length ?? 0,
            refused || (script.Answer is not null && TextBank.Refusals.Contains(script.Answer)), finding is not null, delivery is "Blocked" or "Redacted",
            answer is null, toolCalls: false, latency);

        c.History.Add(("user", script.Prompt));
        c.History.Add(("assistant", answer ?? string.Empty));
        if (c.History.Count > 4)
        {
            c.History.RemoveRange(0, c.History.Count - 4);
        }

        return new TurnOutcome(turn, userMessageId, answerId, correlation, operationId, answerTime.AddMilliseconds(200));
    }

    public static string OrdinaryAnswer(Conversation c, SeededRandom r, double lengthFactor)
    {
        var text = new StringBuilder(r.Pick(TextBank.AnswerOpeners));
        var sentences = Math.Max(1, (int)Math.Round((1 + r.Next(3)) * lengthFactor));
        for (var i = 0; i < sentences; i++)
        {
            text.Append(' ').Append(r.Pick(TextBank.AnswerBodies));
        }

        if (r.Chance(0.3))
        {
            text.Append(" This relates to ").Append(r.Pick(c.App.Topics)).Append('.');
        }

        return text.ToString();
    }

    private static int Tokens(IEnumerable<(string Role, string Text)> messages) => messages.Sum(m => m.Text.Length) / 4;

    private static int Tokens(string text) => text.Length / 4;
}
