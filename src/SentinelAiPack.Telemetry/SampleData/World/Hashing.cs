using System.Security.Cryptography;
using System.Text;

namespace SentinelAiPack.Telemetry.SampleData.World;

internal static class Hashing
{
    /// <summary>Lower-case hex SHA-256 of the UTF-8 text, as the custom tables store it.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}

internal static class StableIds
{
    /// <summary>A GUID derived from a name, for identities that must stay the same everywhere they appear.</summary>
    public static string Guid(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new System.Guid(bytes).ToString("D");
    }
}
