using System.Text.Json.Nodes;
using SentinelAiPack.Telemetry.SampleData.Randomness;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Emit;

/// <summary>
/// Writes one RAG retrieval: AIRetrieval_CL per document, the Azure AI Search query log row, and the Prompt Shields
/// document analysis of each retrieved text (AIContentSafety_CL).
/// </summary>
public sealed class RetrievalEmitter(GenerationContext ctx)
{
    public string Retrieve(Conversation c, DateTime t, int turn, KnowledgeIndex index, string query, IReadOnlyList<KbDocument> documents,
        IReadOnlyDictionary<string, Finding> findings, bool aclEnforced, string operationId, SeededRandom r)
    {
        var retrievalId = "ret-" + r.Hex(12);
        var queryText = query.Length > 1000 ? query[..1000] : query;
        var score = 0.92 - (r.NextDouble() * 0.1);
        for (var rank = 0; rank < documents.Count; rank++)
        {
            var document = documents[rank];
            findings.TryGetValue(document.Id, out var finding);
            ctx.Sink.Row("AIRetrieval_CL", t)
                .Str("AppName", c.App.Name).Str("AgentName", c.App.AgentName).Str("AgentId", c.App.AgentId).Str("SessionId", c.SessionId)
                .Str("ConversationId", c.ConversationId).Int("TurnIndex", turn).Str("RetrievalId", retrievalId)
                .Str("UserPrincipalName", c.User.Upn).Str("UserObjectId", c.User.ObjectId).Str("ClientIp", c.ClientIp)
                .Str("IndexName", index.Name).Str("DataSourceType", "AzureAISearch").Str("QueryText", queryText)
                .Str("QuerySha256", Hashing.Sha256Hex(query)).Str("DocumentId", document.Id).Str("ChunkId", $"{document.Id}#p{1 + r.Next(6)}")
                .Str("DocumentUri", document.Uri).Str("DocumentTitle", document.Title).Str("DocumentOwner", document.Owner)
                .Dyn("AclPrincipals", Strings(document.Acl)).Bool("AclEnforced", aclEnforced).Bool("UserInAcl", UserInAcl(c.User, document))
                .Str("SensitivityLabel", document.Label).Real("Score", score, 4).Int("Rank", rank + 1)
                .Str("ContentSafetyVerdict", finding is null ? "Clean" : "IndirectAttack")
                .Str("ContentSnippet", document.Text.Length > 1000 ? document.Text[..1000] : document.Text).Str("ContentSha256", document.Sha256)
                .Dyn("EmbeddedUrls", Strings(document.Urls)).Dyn("EmbeddedEmails", Strings(document.Emails)).Str("OperationId", operationId)
                .End();
            ctx.Safety.Verdict(c, t.AddMilliseconds(40 + (rank * 5)), turn, "Document", document.Text, finding, string.Empty, operationId,
                retrievalId: retrievalId, documentId: document.Id);
            score -= 0.02 + (r.NextDouble() * 0.05);
        }

        var search = ctx.Tenant.SearchResourceId;
        ctx.Sink.Row("AzureDiagnostics", t)
            .Str("ResourceId", search.ToUpperInvariant()).Str("_ResourceId", search.ToLowerInvariant()).Str("SubscriptionId", ctx.Tenant.SubscriptionId)
            .Str("ResourceGroup", SimulatedTenant.ResourceGroup.ToUpperInvariant()).Str("ResourceProvider", "MICROSOFT.SEARCH")
            .Str("ResourceType", "SEARCHSERVICES").Str("Resource", SimulatedTenant.SearchService.ToUpperInvariant()).Str("Category", "OperationLogs")
            .Str("OperationName", "Query.Search").Str("OperationVersion", "2024-07-01").Str("ResultType", "Success").Str("ResultSignature", "200")
            .Long("DurationMs", 20 + r.Next(120)).Str("CallerIPAddress", c.App.OutboundIp).Str("CorrelationId", retrievalId)
            .Str("Level", "Informational").Str("Query_s", $"?api-version=2024-07-01&search={Uri.EscapeDataString(queryText)}&$top={documents.Count}")
            .Str("IndexName_s", index.Name).Real("Documents_d", documents.Count, 0).Real("resultSignature_d", 200, 0)
            .End();
        return retrievalId;
    }

    public static bool UserInAcl(Person user, KbDocument document) =>
        document.Owner == user.Upn || document.Acl.Any(a => a == user.Upn || user.Groups.Contains(a));

    internal static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
