using System.Globalization;
using System.Text.Json.Nodes;
using SentinelAiPack.Telemetry.SampleData.Emit;
using SentinelAiPack.Telemetry.SampleData.Randomness;
using SentinelAiPack.Telemetry.SampleData.Traffic;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Scenarios;

/// <summary>What a scenario works with: the shared emitters, its own random stream, its time, and the markers it records for the manifest.</summary>
public sealed class ScenarioContext
{
    private readonly SortedDictionary<string, string> _markers = new(StringComparer.Ordinal);
    private readonly TurnPlayer _player;

    internal ScenarioContext(GenerationContext generation, AttackScenario scenario)
    {
        Generation = generation;
        Random = SeededRandom.For(generation.Seed, "scenario", scenario.Name);
        var lastDay = generation.End.AddDays(-1);
        var (from, to) = scenario.Hours;
        At = lastDay.AddMinutes((from * 60) + Random.Next((int)((to - from) * 60))).AddSeconds(Random.Next(60));
        _player = new TurnPlayer(generation);
    }

    public GenerationContext Generation { get; }

    public SimulatedTenant Tenant => Generation.Tenant;

    public SeededRandom Random { get; }

    /// <summary>When the attack starts.</summary>
    public DateTime At { get; }

    public IReadOnlyDictionary<string, string> Markers => _markers;

    /// <summary>Records an identifier the rules should find (user, session, deployment, ...), for the manifest.</summary>
    public void Mark(string key, string value) => _markers[key] = value;

    public Person User(Func<Person, bool> where)
    {
        var candidates = Tenant.People.Where(where).ToList();
        return candidates.Count > 0 ? Random.Pick(candidates) : Random.Pick(Tenant.People);
    }

    public Conversation Conversation(string app, Person user, string? ip = null) =>
        UserTraffic.Start(Tenant.App(app), user, ip ?? user.OfficeIp, Random);

    /// <summary>Plays a turn at <paramref name="t"/> and moves <paramref name="t"/> past it with a human pause.</summary>
    public TurnOutcome Turn(Conversation conversation, ref DateTime t, TurnScript script)
    {
        var outcome = _player.Play(conversation, t, script, Random);
        t = outcome.End.AddSeconds(15 + Random.Next(90));
        return outcome;
    }

    /// <summary>One of the application's catalogued tools.</summary>
    public static ToolSpec Tool(AiApp app, string name) => app.Tools.First(t => t.Name == name);

    /// <summary>A call of one of <paramref name="app"/>'s catalogued tools.</summary>
    public ToolStep Call(string app, string tool, JsonObject arguments, string target, string output) =>
        new(Tool(Tenant.App(app), tool), arguments, target, output);

    /// <summary>Plays a single-turn conversation at the attack time and marks it.</summary>
    public Conversation OneTurn(string app, Person user, TurnScript script, string? ip = null)
    {
        var conversation = Conversation(app, user, ip);
        var t = At;
        Turn(conversation, ref t, script);
        MarkConversation(conversation);
        return conversation;
    }

    public void MarkConversation(Conversation c)
    {
        Mark("user", c.User.Upn);
        Mark("app", c.App.Name);
        Mark("sessionId", c.SessionId);
        Mark("conversationId", c.ConversationId);
    }

    public static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
