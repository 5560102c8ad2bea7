using System.Text.Json.Nodes;
using SentinelAiPack.Containment.Tests.Workflow;

namespace SentinelAiPack.Containment.Tests.Workflow;

/// <summary>The runner's expression evaluator follows the documented WDL semantics the playbooks depend on.</summary>
public class WdlExpressionTests
{
    private sealed class Scope : IWdlScope
    {
        public JsonNode? TriggerBody { get; } = JsonNode.Parse("""{"object":{"properties":{"title":"It's <b>","n":42,"list":["a","b"]}}}""");
        public JsonNode? Item => null;
        public DateTimeOffset Now => new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        public ActionResult Action(string name) => throw new WdlException($"no action {name}");
        public JsonNode? Variable(string name) => null;
        public JsonNode? Parameter(string name) => JsonValue.Create("p");
        public JsonNode? LoopItem(string loop) => null;
    }

    private static string? Eval(string text) => WdlExpression.EvaluateString(text, new Scope()) is { } v ? WdlValues.Interpolated(v) : null;

    [TestCase("plain text", "plain text")]
    [TestCase("@@literal", "@literal")]
    [TestCase("n=@{triggerBody()?['object']?['properties']?['n']}!", "n=42!")]
    [TestCase("@triggerBody()?['object']?['properties']?['missing']?['deeper']", null)]
    [TestCase("@triggerBody().object.properties.title", "It's <b>")]
    [TestCase("@{replace(string(triggerBody()?['object']?['properties']?['title']), '<', '&lt;')}", "It's &lt;b>")]
    [TestCase("@startsWith('HTTPS://x', 'https://')", "True")]
    [TestCase("@contains('ABC', 'abc')", "False")]
    [TestCase("@indexOf('a/Deployments/b', '/deployments/')", "1")]
    [TestCase("@join(triggerBody()?['object']?['properties']?['list'], ', ')", "a, b")]
    [TestCase("@utcNow('yyyyMMddTHHmmssZ')", "20260301T120000Z")]
    [TestCase("@concat('it''s', ' ', parameters('x'))", "it's p")]
    public void Evaluates(string text, string? expected) => Assert.That(Eval(text), Is.EqualTo(expected));

    [TestCase("@triggerBody()['missing']['deeper']")]
    [TestCase("@substring('abc', 2, 5)")]
    [TestCase("@contains(null, 'x')")]
    [TestCase("@noSuchFunction()")]
    [TestCase("@equals(1")]
    public void Fails_where_the_service_fails(string text) => Assert.Throws<WdlException>(() => Eval(text));
}
