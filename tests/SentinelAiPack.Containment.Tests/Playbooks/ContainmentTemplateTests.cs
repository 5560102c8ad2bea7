using System.Text.Json.Nodes;
using SentinelAiPack.Containment.Playbooks;
using SentinelAiPack.TestSupport.Repository;

namespace SentinelAiPack.Containment.Tests.Playbooks;

/// <summary>
/// What every containment playbook template promises, whatever it acts on: the Azure-Sentinel playbook layout, an
/// incident trigger, every call behind the approval, every call authenticated with the playbook's own managed identity,
/// and the committed files under playbooks/containment/ equal to the generator's (AIPACK_UPDATE_PLAYBOOKS=1 rewrites them).
/// </summary>
public class ContainmentTemplateTests
{
    private static readonly string[] Audiences = ["https://management.azure.com", "https://graph.microsoft.com", "https://storage.azure.com"];

    // Entity kinds Azure-Sentinel's playbook validator accepts in metadata.entities.
    private static readonly string[] MetadataEntities =
    [
        "account", "host", "ip", "url", "azureresource", "cloudapplication", "dnsresolution", "file", "filehash", "hostlogonsession", "iotdevice",
        "malware", "networkconnection", "process", "registrykey", "registryvalue", "securitygroup", "mailbox", "mailcluster", "mailmessage", "submissionmail",
    ];

    public static IEnumerable<ContainmentPlaybook> Playbooks() => ContainmentPlaybooks.All;

    public static IEnumerable<string> Files() => ContainmentArtifacts.Build().Select(a => a.RelativePath);

    [OneTimeSetUp]
    public void RegenerateWhenAsked()
    {
        if (Environment.GetEnvironmentVariable("AIPACK_UPDATE_PLAYBOOKS") == "1")
        {
            ContainmentArtifacts.Write(RepositoryPaths.Playbooks, ContainmentArtifacts.Build());
        }
    }

    /// <summary>Every action with its path of enclosing actions and branches (e.g. Has_targets/then/Approved/then/For_each_target).</summary>
    private static IEnumerable<(string Path, string Name, JsonObject Action)> Actions(JsonObject actions, string path = "")
    {
        foreach (var (name, node) in actions)
        {
            var action = (JsonObject)node!;
            yield return (path, name, action);
            foreach (var inner in Nested(action, $"{path}/{name}"))
            {
                yield return inner;
            }
        }
    }

    private static IEnumerable<(string, string, JsonObject)> Nested(JsonObject action, string path)
    {
        var nested = Enumerable.Empty<(string, string, JsonObject)>();
        if (action["actions"] is JsonObject then)
        {
            nested = nested.Concat(Actions(then, path + (action["type"]!.GetValue<string>() == "If" ? "/then" : "")));
        }
        if (action["else"]?["actions"] is JsonObject otherwise)
        {
            nested = nested.Concat(Actions(otherwise, path + "/else"));
        }
        return nested;
    }

    [TestCaseSource(nameof(Playbooks))]
    public void Every_call_runs_only_after_Approve_with_the_playbooks_managed_identity(ContainmentPlaybook playbook)
    {
        var template = ContainmentPlaybookTemplate.Build(playbook);
        var http = Actions((JsonObject)PlaybookHarness.Definition(template)["actions"]!).Where(a => a.Action["type"]!.GetValue<string>() == "Http").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(http, Is.Not.Empty);
            foreach (var (path, name, action) in http)
            {
                Assert.That(path, Does.StartWith("/Has_targets/then/Approved/then/For_each_target"), name);
                Assert.That(action["inputs"]!["authentication"]!["type"]!.GetValue<string>(), Is.EqualTo("ManagedServiceIdentity"), name);
                Assert.That(Audiences, Does.Contain(action["inputs"]!["authentication"]!["audience"]!.GetValue<string>()), name);
                Assert.That(action["inputs"]!["uri"]!.GetValue<string>(), Does.StartWith("https://").Or.StartWith("@"), name);
            }
        });
    }

    [TestCaseSource(nameof(Playbooks))]
    public void The_template_has_the_Azure_Sentinel_playbook_layout_and_an_approval_with_a_timeout(ContainmentPlaybook playbook)
    {
        var template = ContainmentPlaybookTemplate.Build(playbook);
        var workflow = template["resources"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "Microsoft.Logic/workflows")!;
        var definition = PlaybookHarness.Definition(template);
        var approval = Actions((JsonObject)definition["actions"]!).Single(a => a.Name == "Send_approval_email").Action;
        Assert.Multiple(() =>
        {
            Assert.That(template["parameters"]![ContainmentPlaybookTemplate.PlaybookNameParameter]!["defaultValue"]!.GetValue<string>(), Is.EqualTo(playbook.Name));
            Assert.That(template["parameters"]![ContainmentPlaybookTemplate.ApproverParameter]!["defaultValue"], Is.Null, "the deployer names the approver");
            Assert.That(workflow["name"]!.GetValue<string>(), Is.EqualTo("[parameters('PlaybookName')]"));
            Assert.That(workflow["identity"]!["type"]!.GetValue<string>(), Is.EqualTo("SystemAssigned"));
            Assert.That(definition["triggers"]!["Microsoft_Sentinel_incident"]!["inputs"]!["path"]!.GetValue<string>(), Is.EqualTo("/incident-creation"));
            Assert.That(approval["limit"]!["timeout"]!.GetValue<string>(), Is.EqualTo(ContainmentPlaybookTemplate.ApprovalTimeout));
            Assert.That(approval["inputs"]!["body"]!["Message"]!["Options"]!.GetValue<string>(), Is.EqualTo("Approve, Reject"));
            Assert.That(template["metadata"]!["postDeployment"]!.AsArray().Count, Is.GreaterThan(2), "permissions to grant are documented");
            Assert.That(template["metadata"]!["title"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(template["metadata"]!["description"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(template["metadata"]!["support"]!["tier"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(template["metadata"]!["author"]!["name"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(template["metadata"]!["entities"]!.AsArray().Select(e => e!.GetValue<string>()), Is.SubsetOf(MetadataEntities));
            Assert.That(workflow["location"]!.GetValue<string>(), Is.EqualTo("[resourceGroup().location]"));
            foreach (var (name, definitionParameter) in (JsonObject)definition["parameters"]!)
            {
                Assert.That(workflow["properties"]!["parameters"]![name], Is.Not.Null, $"workflow parameter {name} gets a value");
                Assert.That(definitionParameter!["type"], Is.Not.Null);
            }
        });
    }

    [TestCaseSource(nameof(Files))]
    public void Checked_in_file_matches_the_generator(string relative)
    {
        var path = Path.Combine(RepositoryPaths.Playbooks, relative);
        Assert.That(File.Exists(path), Is.True, $"{relative} is missing; run the tests with AIPACK_UPDATE_PLAYBOOKS=1");
        Assert.That(File.ReadAllText(path), Is.EqualTo(ContainmentArtifacts.Text(ContainmentArtifacts.Build().Single(a => a.RelativePath == relative).Template)),
            $"{relative} is out of date; run the tests with AIPACK_UPDATE_PLAYBOOKS=1");
    }

    [Test]
    public void The_listing_names_every_containment_playbook()
    {
        var listing = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Playbooks, ContainmentArtifacts.Folder, "artifacts.json")))!;
        Assert.That(listing["artifacts"]!.AsArray().Select(a => a!["displayName"]!.GetValue<string>()), Is.EqualTo(ContainmentPlaybooks.All.Select(p => p.Name)));
    }
}
