using System.Text.Json.Nodes;

namespace SentinelAiPack.Containment.Playbooks;

public static partial class ContainmentPlaybooks
{
    /// <summary>Moves knowledge-base blobs (URL entities) into a quarantine container: copy, then delete the original.</summary>
    public static ContainmentPlaybook QuarantineKnowledgeDocument()
    {
        var url = "items('For_each_target')?['properties']?['url']";
        // https://account.blob.core.windows.net/container/path: the host, then container/path (the filter checked the shape).
        var host = $"first(skip(split({url}, '/'), 2))";
        var path = $"substring({url}, add(length({host}), 9))";
        var destination = $"concat('https://', {host}, '/', parameters('QuarantineContainer'), '/', {path})";
        var storageHeaders = new JsonObject { ["x-ms-version"] = ApiVersions.BlobStorage };
        return new()
        {
            Name = "AIPack-Contain-QuarantineKnowledgeDocument",
            Title = "Contain an AI incident: quarantine the knowledge-base document",
            Description = "After approval, moves each knowledge-base document of the incident (URL entities of Azure Blob Storage) into a quarantine container of the same storage account: a server-side copy that keeps the file for the investigation, then the original is deleted so the RAG index stops serving it (on the indexer's next run with deletion detection; remove the document from the index by hand for an immediate effect).",
            Verb = "quarantine",
            // The host must be a blob endpoint itself (not a path that mentions one): the playbook sends its storage token there.
            TargetFilter = $"and({Entity("Url")}, startsWith({UrlProperty}, 'https://'), endsWith({BlobHost}, '.blob.core.windows.net'), " +
                $"not(contains({BlobHost}, '@')), not(contains({BlobHost}, ':')), greater(length(split({UrlProperty}, '/')), 4), " +
                $"not(contains({UrlProperty}, '..')), not(contains({UrlProperty}, '?')), not(contains({UrlProperty}, '#')), not(contains({UrlProperty}, '\\')))",
            TargetLabel = "item()?['properties']?['url']",
            Parameters = new JsonObject
            {
                ["QuarantineContainer"] = ContainmentPlaybookTemplate.Parameter("string", "Container, in each document's own storage account, that quarantined documents are moved to (create it without public access; keep it out of every indexer).", "aipack-quarantine"),
            },
            TargetActions = new JsonObject
            {
                ["Copy_to_quarantine"] = Steps.Http("PUT", Wdl.Value(destination), Steps.StorageAudience,
                    headers: new JsonObject { ["x-ms-version"] = ApiVersions.BlobStorage, ["x-ms-copy-source"] = Wdl.Value(url) }),
                // A copy inside one account usually completes at once ("success"); a pending copy keeps the original.
                ["Copy_finished"] = Steps.If("equals(outputs('Copy_to_quarantine')?['headers']?['x-ms-copy-status'], 'success')",
                    new JsonObject
                    {
                        ["Delete_original"] = Steps.Http("DELETE", Wdl.Value(url), Steps.StorageAudience, headers: storageHeaders),
                        ["Record_quarantine"] = Steps.Record("Delete_original", url),
                    },
                    new JsonObject
                    {
                        ["Record_copy_pending"] = Steps.Note(url,
                            $"copied to {Wdl.Inline(Wdl.Html("parameters('QuarantineContainer')"))} (copy {Wdl.Inline(Wdl.Html("outputs('Copy_to_quarantine')?['headers']?['x-ms-copy-status']"))}); the original was kept, delete it once the copy is done"),
                    },
                    Steps.After("Copy_to_quarantine", "Succeeded")),
                ["Record_copy_failure"] = Steps.Record("Copy_to_quarantine", url, Steps.After("Copy_to_quarantine", "Failed", "TimedOut")),
            },
            Entities = ["url"],
            Permissions = ["Give the playbook's managed identity 'Storage Blob Data Contributor' on the storage accounts that hold knowledge-base documents, and create the quarantine container in each."],
            ReleaseNotes = [new("1.0.0", InitialRelease, ["Moves the incident's knowledge-base blobs to a quarantine container after approval."])],
        };
    }
}
