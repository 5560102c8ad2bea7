using System.Buffers.Text;
using System.Text;

namespace SentinelAiPack.Containment.Tests.Workflow;

/// <summary>An unsigned JWT whose only claim is the audience: what the loopback fakes check, as a managed identity token would carry.</summary>
internal static class TestToken
{
    public static string For(string audience)
    {
        static string Part(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        return $"{Part("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Part($"{{\"aud\":\"{audience}\"}}")}.sig";
    }
}
