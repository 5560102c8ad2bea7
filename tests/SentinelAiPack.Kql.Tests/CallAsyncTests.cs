using System.Text.Json;

namespace SentinelAiPack.Kql.Tests;

public class CallAsyncTests
{
    [Test]
    public async Task Other_handlers_are_called_with_the_schema_registered()
    {
        var schemas = TestSchemas.Create();
        var request = JsonSerializer.Serialize(new
        {
            schemaKey = schemas.Fingerprint,
            queries = new[] { new { id = "x", text = "SigninLogs | project IPAddress", wantOutput = true } },
        });

        var json = await SharedPool.Pool.CallAsync("analyze", request, schemas);

        using var doc = JsonDocument.Parse(json);
        var columns = doc.RootElement.GetProperty("results")[0].GetProperty("outputColumns");
        Assert.That(columns[0].GetProperty("name").GetString(), Is.EqualTo("IPAddress"));
    }

    [Test]
    public async Task Shim_errors_become_host_exceptions()
    {
        Assert.That(async () => await SharedPool.Pool.CallAsync("analyze", "{\"schemaKey\":\"never-registered\",\"queries\":[]}", null),
            Throws.TypeOf<Hosting.KqlHostException>().With.Message.Contains("not registered"));
        Assert.That(async () => await SharedPool.Pool.CallAsync("noSuchHandler", "{}", null),
            Throws.TypeOf<Hosting.KqlHostException>().With.Message.Contains("unknown method"));
        Assert.That(await SharedPool.Pool.CallAsync("ping", "{\"value\":1}", null), Is.EqualTo("{\"pong\":1}"));
    }
}
