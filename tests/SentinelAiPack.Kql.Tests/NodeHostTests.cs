using System.Text.Json;
using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Kql.Tests;

public class NodeHostTests
{
    private static readonly string[] Queries =
    [
        "AIConversationTurn_CL | where TimeGenerated > ago(1h) | summarize Turns = count() by UserId, AppName",
        "AITurns('chat') | where Risk > 10 | project TimeGenerated, UserId, Risk",
        "SigninLogs | where UserPrincipalName contains 'admin' | join (AIConversationTurn_CL) on $left.UserPrincipalName == $right.UserId",
        "SigninLogs | where Usr == 1",
        "SigninLogs | where | project",
        "_GetWatchlist('VIP') | project SearchKey, Team",
        "let threshold = 5; ModelInventory | extend Age = now() - DeployedAt | where Age > threshold * 1d",
        ".show tables",
        "print s = 'é😀\u0000\ud800'",
        "",
    ];

    [Test]
    public async Task Node_host_gives_exactly_the_V8_results()
    {
        var schemas = TestSchemas.Create();
        var requests = Queries.Select((q, i) => new KqlRequest("q" + i, q)).ToArray();
        using var nodePool = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 1, HostKind = KqlHostKind.Node });
        using var v8Pool = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 1, HostKind = KqlHostKind.V8 });

        var fromNode = await new KqlAnalyzer(nodePool).AnalyzeAsync(requests, schemas);
        var fromV8 = await new KqlAnalyzer(v8Pool).AnalyzeAsync(requests, schemas);

        Assert.That(fromNode.Select(Json), Is.EqualTo(fromV8.Select(Json)));
        Assert.That(fromNode.Count(r => r.Diagnostics.Count > 0), Is.GreaterThanOrEqualTo(2), "the set exercises diagnostics");
    }

    [Test]
    public void Node_code_cache_write_removes_that_script_s_stale_files_only()
    {
        var directory = Path.Combine(Path.GetTempPath(), "aipack-node-cache-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var stale = Path.Combine(directory, "node-bridge.min-" + new string('0', 24) + ".v8cache");
            var kept = new[]
            {
                Path.Combine(directory, "bridge.min-" + new string('0', 24) + ".v8cache"), // the V8 host's file
                Path.Combine(directory, "node-bridge.min-not-a-key.v8cache"),
                Path.Combine(directory, "notes.txt"),
            };
            foreach (var path in kept.Append(stale))
            {
                File.WriteAllText(path, "x");
            }

            using (var host = new NodeKqlScriptHost(KustoBundle.Default, directory))
            {
                Assert.That(host.Call("ping", "{\"value\":1}"), Is.EqualTo("{\"pong\":1}"));
            }

            Assert.That(File.Exists(stale), Is.False, "an older cache of the same script is deleted");
            Assert.That(kept.Where(File.Exists).ToArray(), Has.Length.EqualTo(3), "nothing else is touched");
            Assert.That(Directory.GetFiles(directory, "node-bridge.min-*.v8cache"), Has.Length.EqualTo(2), "the fresh cache and the non-key file");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void Node_child_that_dies_during_a_call_fails_it_clearly_and_is_restarted_on_the_next()
    {
        using var host = new NodeKqlScriptHost(KustoBundle.Default);
        var pid = host.ProcessId!.Value;
        var longRequest = JsonSerializer.Serialize(new { texts = Enumerable.Repeat("print x = 1 | extend y = x * 2", 200_000).ToArray(), mode = "query" });

        var call = Task.Run(() => host.Call("benchLoop", longRequest));
        Thread.Sleep(1500);
        System.Diagnostics.Process.GetProcessById(pid).Kill();

        Assert.That(() => call.GetAwaiter().GetResult(), Throws.TypeOf<KqlHostException>().With.Message.Contains("node KQL host exited"));
        Assert.That(host.Call("ping", "{\"value\":3}"), Is.EqualTo("{\"pong\":3}"));
        Assert.That(host.Incarnation, Is.EqualTo(1));
        Assert.That(host.ProcessId, Is.Not.EqualTo(pid));
    }

    [Test]
    public void Node_child_that_died_between_calls_is_restarted_silently()
    {
        using var host = new NodeKqlScriptHost(KustoBundle.Default);
        using (var child = System.Diagnostics.Process.GetProcessById(host.ProcessId!.Value))
        {
            child.Kill();
            child.WaitForExit();
        }

        Assert.That(host.Call("ping", "{\"value\":2}"), Is.EqualTo("{\"pong\":2}"));
        Assert.That(host.Incarnation, Is.EqualTo(1));
    }

    [Test]
    public async Task Pool_registers_schemas_again_after_a_node_restart()
    {
        NodeKqlScriptHost? node = null;
        using var pool = new KqlHostPool(new KqlHostPoolOptions
        {
            MaxEngines = 1,
            HostFactory = () => node = new NodeKqlScriptHost(KustoBundle.Default),
        });
        var analyzer = new KqlAnalyzer(pool);
        var schemas = TestSchemas.Create();
        await analyzer.AnalyzeAsync([new KqlRequest("a", "SigninLogs | take 1")], schemas);

        using (var child = System.Diagnostics.Process.GetProcessById(node!.ProcessId!.Value))
        {
            child.Kill();
            child.WaitForExit();
        }
        var afterDeath = await analyzer.AnalyzeAsync([new KqlRequest("b", "SigninLogs | project IPAddress")], schemas);

        Assert.That(afterDeath[0].Diagnostics, Is.Empty);
        Assert.That(afterDeath[0].OutputColumns.Single().Name, Is.EqualTo("IPAddress"));
    }

    [Test]
    public void Disposing_the_pool_ends_node_children()
    {
        NodeKqlScriptHost? node = null;
        var pool = new KqlHostPool(new KqlHostPoolOptions { MaxEngines = 1, HostFactory = () => node = new NodeKqlScriptHost(KustoBundle.Default) });
        pool.CallAsync("ping", "{}", null).GetAwaiter().GetResult();
        var pid = node!.ProcessId!.Value;

        pool.Dispose();

        Assert.That(() => System.Diagnostics.Process.GetProcessById(pid).HasExited, Throws.ArgumentException.Or.True);
    }

    private static string Json(KqlAnalysis analysis) => JsonSerializer.Serialize(analysis);
}
