using SentinelAiPack.Kql.Hosting;

namespace SentinelAiPack.Kql.Tests;

public class V8HostTests
{
    [Test]
    public void Ping_round_trips_through_the_dispatcher()
    {
        using var host = new V8KqlScriptHost(KustoBundle.Default);
        Assert.That(host.Call("ping", "{\"value\":42}"), Is.EqualTo("{\"pong\":42}"));
    }

    [Test]
    public void Unknown_method_is_a_host_exception()
    {
        using var host = new V8KqlScriptHost(KustoBundle.Default);
        Assert.That(() => host.Call("nope", "{}"), Throws.TypeOf<KqlHostException>().With.Message.Contains("unknown method"));
    }
}
