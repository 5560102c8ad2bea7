namespace SentinelAiPack.Enrichment.Tests.Support;

/// <summary>A standard conversation incident for tests with canned answers.</summary>
public static class TestIncidents
{
    public static readonly DateTimeOffset At = new(2025, 6, 30, 14, 0, 0, TimeSpan.Zero);

    public static string Conversation(EnrichmentBed bed, string session = "sess-1", string user = "alice@contoso.com") =>
        IncidentFactory.Add(bed.Incidents, "Prompt injection", At, At.AddMinutes(10),
            new Dictionary<string, IReadOnlyList<string>> { ["SessionId"] = [session], ["ConversationId"] = ["conv-1"] }, [user]);
}
