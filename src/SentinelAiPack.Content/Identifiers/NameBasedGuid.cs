using System.Security.Cryptography;
using System.Text;

namespace SentinelAiPack.Content.Identifiers;

/// <summary>
/// GUIDs derived from names, never random, so every run names the same thing the same way (ARM resource names,
/// incident comment ids, workbook parameter ids, sample-data identities). The hash's first 16 bytes get the version-5
/// and RFC variant bits.
/// </summary>
public static class NameBasedGuid
{
    /// <summary>RFC 9562 version-5 UUID (SHA-1) of <paramref name="name"/> in <paramref name="namespaceId"/>.</summary>
    public static Guid Version5(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var namespaceBytes = namespaceId.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[namespaceBytes.Length + nameBytes.Length];
        namespaceBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, namespaceBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 specifies for version 5; this is an identifier, not a security hash.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        return Stamped(hash, bigEndian: true);
    }

    /// <summary>
    /// A GUID from the SHA-256 of <paramref name="name"/> with the version-5 layout (no namespace; not an RFC UUID).
    /// <paramref name="bigEndian"/> false reads the bytes in Microsoft's GUID byte order, which the sample-data
    /// generator has always used; changing either would change every id already written.
    /// </summary>
    public static Guid Sha256(string name, bool bigEndian = true)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Stamped(SHA256.HashData(Encoding.UTF8.GetBytes(name)), bigEndian);
    }

    // The version nibble sits in the high half of the third field: byte 6 in RFC (big-endian) order, byte 7 in
    // Microsoft's little-endian layout of that field.
    private static Guid Stamped(byte[] hash, bool bigEndian)
    {
        var bytes = hash.AsSpan(0, 16).ToArray();
        var version = bigEndian ? 6 : 7;
        bytes[version] = (byte)((bytes[version] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian);
    }
}
