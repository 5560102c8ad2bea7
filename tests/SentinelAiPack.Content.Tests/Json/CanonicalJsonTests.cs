using System.Text.Json.Nodes;
using SentinelAiPack.Content.Json;

namespace SentinelAiPack.Content.Tests.Json;

public class CanonicalJsonTests
{
    private static JsonNode Sample() => JsonNode.Parse("""{"b":1,"a":{"d":"<é>","c":[true,null]}}""")!;

    [Test]
    public void Serialize_sorts_keys_at_every_level_with_two_spaces_lf_and_a_final_newline()
    {
        Assert.That(CanonicalJson.Serialize(Sample()), Is.EqualTo("{\n  \"a\": {\n    \"c\": [\n      true,\n      null\n    ],\n    \"d\": \"<é>\"\n  },\n  \"b\": 1\n}\n"));
    }

    [Test]
    public void SerializeInOrder_keeps_the_order_keys_were_added()
    {
        Assert.That(CanonicalJson.SerializeInOrder(Sample()), Is.EqualTo("{\n  \"b\": 1,\n  \"a\": {\n    \"d\": \"<é>\",\n    \"c\": [\n      true,\n      null\n    ]\n  }\n}\n"));
    }

    [Test]
    public void SerializeCompact_is_one_line_without_a_newline()
    {
        Assert.That(CanonicalJson.SerializeCompact(Sample()), Is.EqualTo("""{"b":1,"a":{"d":"<é>","c":[true,null]}}"""));
    }
}
