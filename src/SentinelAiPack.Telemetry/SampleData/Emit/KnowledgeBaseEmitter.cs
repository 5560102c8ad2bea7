using SentinelAiPack.Telemetry.SampleData.Randomness;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Emit;

/// <summary>Who wrote a document into a knowledge base: the blob upload, the indexer's AIKnowledgeBaseWrite_CL row and the search indexing log.</summary>
public sealed class KnowledgeBaseEmitter(GenerationContext ctx)
{
    /// <summary>The search service's indexer address: its indexing log names no identity, only this caller IP.</summary>
    public const string IndexerIp = "10.30.1.5";

    public void Write(DateTime t, KnowledgeIndex index, KbDocument document, string operation, string actorUpn, string actorObjectId,
        string actorType, string actorIp, Finding? finding, SeededRandom r)
    {
        var blobPath = $"/{index.StorageAccount}/{index.Container}/{document.Id}.docx";
        var storage = ctx.Tenant.StorageResourceId(index.StorageAccount);
        ctx.Sink.Row("StorageBlobLogs", t)
            .Str("AccountName", index.StorageAccount).Str("AuthenticationType", actorType == "User" ? "OAuth" : "OAuth")
            .Str("CallerIpAddress", actorIp + ":" + (49152 + r.Next(16000))).Str("Category", operation == "Delete" ? "StorageDelete" : "StorageWrite")
            .Str("CorrelationId", r.GuidString()).Real("DurationMs", 12 + r.Next(80), 0).Str("Location", SimulatedTenant.Region)
            .Str("ObjectKey", blobPath).Str("OperationName", operation == "Delete" ? "DeleteBlob" : "PutBlob").Str("OperationVersion", "2023-11-03")
            .Str("Protocol", "HTTPS").Long("RequestBodySize", operation == "Delete" ? 0 : document.Text.Length * 12)
            .Str("RequesterObjectId", actorObjectId).Str("RequesterTenantId", ctx.Tenant.EntraTenantId)
            .Str("RequesterUpn", actorType == "User" ? actorUpn : null).Str("_ResourceId", (storage + "/blobServices/default").ToLowerInvariant())
            .Str("ServiceType", "blob").Str("StatusCode", operation == "Delete" ? "202" : "201").Str("StatusText", "Success")
            .Str("Uri", $"https://{index.StorageAccount}.blob.core.windows.net/{index.Container}/{document.Id}.docx")
            .Str("UserAgentHeader", actorType == "User" ? "Microsoft Office SharePoint Sync" : "azsdk-net-Storage.Blobs/12.22.0")
            .End();

        var indexed = t.AddMinutes(3 + r.Next(10));
        ctx.Sink.Row("AIKnowledgeBaseWrite_CL", indexed)
            .Str("IndexName", index.Name).Str("DataSourceType", "AzureAISearch").Str("Operation", operation).Str("DocumentId", document.Id)
            .Str("DocumentUri", document.Uri).Str("DocumentTitle", document.Title).Str("ActorPrincipalName", actorUpn)
            .Str("ActorObjectId", actorObjectId).Str("ActorType", actorType).Str("ActorIp", actorIp)
            .Str("IngestionPipeline", index.Container + "-indexer").Str("SourceSystemName", "BlobStorage").Str("DocumentOwner", document.Owner)
            .Dyn("AclPrincipals", RetrievalEmitter.Strings(document.Acl)).Str("SensitivityLabel", document.Label)
            .Str("ContentSha256", document.Sha256).Int("ContentLength", document.Text.Length)
            .Str("ContentSafetyVerdict", finding is null ? "Clean" : "IndirectAttack").Bool("AttackDetected", finding is not null)
            .Str("ContentSnippet", document.Text.Length > 1000 ? document.Text[..1000] : document.Text)
            .Dyn("EmbeddedUrls", RetrievalEmitter.Strings(document.Urls))
            .End();

        var search = ctx.Tenant.SearchResourceId;
        ctx.Sink.Row("AzureDiagnostics", indexed)
            .Str("ResourceId", search.ToUpperInvariant()).Str("_ResourceId", search.ToLowerInvariant()).Str("SubscriptionId", ctx.Tenant.SubscriptionId)
            .Str("ResourceGroup", SimulatedTenant.ResourceGroup.ToUpperInvariant()).Str("ResourceProvider", "MICROSOFT.SEARCH")
            .Str("ResourceType", "SEARCHSERVICES").Str("Resource", SimulatedTenant.SearchService.ToUpperInvariant()).Str("Category", "OperationLogs")
            .Str("OperationName", operation == "Delete" ? "Indexing.Delete" : "Indexing.Index").Str("OperationVersion", "2024-07-01")
            .Str("ResultType", "Success").Str("ResultSignature", "200").Long("DurationMs", 40 + r.Next(200))
            .Str("CallerIPAddress", IndexerIp).Str("CorrelationId", r.GuidString()).Str("Level", "Informational")
            .Str("IndexName_s", index.Name).Real("Documents_d", 1, 0).Real("resultSignature_d", 200, 0)
            .End();
    }
}
