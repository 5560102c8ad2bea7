using SentinelAiPack.Telemetry.SampleData.Emit;
using SentinelAiPack.Telemetry.SampleData.Randomness;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Traffic;

/// <summary>
/// Ordinary use by every employee, day by day: sign-ins, sessions with the AI applications their department uses,
/// multi-turn conversations, Copilot, and a data-science team on Amazon Bedrock. Each (user, day) has its own
/// random stream, so scenarios and option changes do not reshuffle other users' traffic.
/// </summary>
internal sealed class UserTraffic(GenerationContext ctx)
{
    private static readonly (int Hour, int Weight)[] Hours =
        [(7, 3), (8, 8), (9, 12), (10, 12), (11, 10), (12, 6), (13, 9), (14, 11), (15, 11), (16, 9), (17, 5), (18, 2), (19, 1), (21, 1)];

    private readonly TurnPlayer _player = new(ctx);

    public void Day(DateTime day)
    {
        foreach (var person in ctx.Tenant.People)
        {
            Person(person, day, SeededRandom.For(ctx.Seed, "user", person.Index, "day", day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        Bedrock(day, SeededRandom.For(ctx.Seed, "bedrock", day.Ticks));
    }

    public static AiApp PickApp(SimulatedTenant tenant, Person person, SeededRandom r)
    {
        var choices = new List<(string Item, int Weight)> { ("contoso-hr-assistant", 3), ("contoso-it-helpdesk", 2) };
        switch (person.Department)
        {
            case "Sales":
                choices.Add(("contoso-sales-copilot", 9));
                break;
            case "Marketing":
                choices.Add(("contoso-sales-copilot", 3));
                break;
            case "Finance":
                choices.Add(("contoso-finance-agent", 9));
                break;
            case "IT" or "Engineering":
                choices.Add(("contoso-it-helpdesk", 3));
                break;
        }

        return tenant.App(r.PickWeighted<string>(choices));
    }

    public static Conversation Start(AiApp app, Person person, string ip, SeededRandom r) =>
        new(app, person, "sess-" + r.Hex(12), "conv-" + r.Hex(16), ip);

    private void Person(Person person, DateTime day, SeededRandom r)
    {
        var weekday = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        if (!r.Chance(weekday ? 0.72 : 0.07))
        {
            return;
        }

        var sessions = 1 + (int)(r.NextDouble() * person.Activity * 2.2);
        var signedIn = false;
        for (var s = 0; s < sessions; s++)
        {
            var start = day.AddHours(r.PickWeighted(Hours.Select(h => (h.Hour, h.Weight)).ToList())).AddSeconds(r.Next(3600));
            var ip = r.Chance(0.7) ? person.OfficeIp : person.HomeIp;
            if (!signedIn)
            {
                ctx.Security.SignIn(person, start.AddMinutes(-2), "Contoso AI Portal", ip, r);
                signedIn = true;
            }

            var conversation = Start(PickApp(ctx.Tenant, person, r), person, ip, r);
            var turns = 1 + (int)r.Skewed(0, 7);
            var t = start;
            for (var turn = 0; turn < turns && t < day.AddDays(1); turn++)
            {
                var outcome = _player.Play(conversation, t, BenignScripts.Next(conversation, t, r), r);
                t = outcome.End.AddSeconds(20 + r.Next(200));
            }
        }

        if (r.Chance(0.35))
        {
            for (var i = 1 + r.Next(4); i > 0; i--)
            {
                ctx.ExternalAi.CopilotInteraction(person, day.AddHours(8 + r.Next(10)).AddSeconds(r.Next(3600)), person.OfficeIp, jailbreak: false, r);
            }
        }
    }

    private void Bedrock(DateTime day, SeededRandom r)
    {
        var scientists = ctx.Tenant.People.Where(p => p.Department == "Engineering").Take(10).ToList();
        foreach (var scientist in scientists)
        {
            var user = scientist.Upn[..scientist.Upn.IndexOf('@', StringComparison.Ordinal)];
            for (var i = r.Next(25); i > 0; i--)
            {
                ctx.ExternalAi.BedrockInvoke(day.AddHours(8 + r.Next(10)).AddSeconds(r.Next(3600)), user,
                    r.Pick(["anthropic.claude-3-5-sonnet-20240620-v1:0", "amazon.titan-embed-text-v2:0"]), scientist.OfficeIp, r);
            }

            for (var i = r.Next(6); i > 0; i--)
            {
                ctx.ExternalAi.BedrockRetrieve(day.AddHours(8 + r.Next(10)).AddSeconds(r.Next(3600)), user, "KB7RNDPLAT1",
                    r.Pick(["feature store schema", "training data lineage", "model card template"]), scientist.OfficeIp, r);
            }
        }
    }
}
