using System.Security.Cryptography;
using System.Text;
using SentinelAiPack.Content.Identifiers;

namespace SentinelAiPack.Telemetry.SampleData.World;

internal static class Hashing
{
    /// <summary>Lower-case hex SHA-256 of the UTF-8 text, as the custom tables store it.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}

internal static class StableIds
{
    /// <summary>A GUID derived from a name, for identities that must stay the same everywhere they appear.</summary>
    public static string Guid(string name) => NameBasedGuid.Sha256(name, bigEndian: false).ToString("D");
}
