using System.Security.Cryptography;
using System.Text;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions;

/// <summary>base64 and cryptographic hashes: base64_encode_tostring, base64_decode_tostring, base64_decode_toarray, hash_sha256, hash_sha1, hash_md5, hash/hash_xxhash64.</summary>
internal static class EncodingFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add(["base64_encode_tostring", "base64_encodestring"], c => Fn.Row(c, ScalarKind.String, a => Convert.ToBase64String(Encoding.UTF8.GetBytes(Fn.Str(a[0])))));
        r.Add(["base64_decode_tostring", "base64_decodestring"], c => Fn.Row(c, ScalarKind.String, a => Decode(Fn.Str(a[0])) is { } bytes ? Utf8OrNull(bytes) : ""));
        r.Add("base64_decode_toarray", c => Fn.Row(c, ScalarKind.Dynamic, a => Decode(Fn.Str(a[0])) is { } bytes
            ? new DynArray(bytes.Select(b => (object?)(long)b).ToArray()) : null));
        r.Add("base64_encode_fromarray", c => Fn.Row(c, ScalarKind.String, a => a[0] is DynArray array
            ? Convert.ToBase64String(array.Select(v => (byte)(Fn.Long(v) ?? 0)).ToArray()) : ""));
        r.Add("base64_encode_fromguid", c => Fn.Row(c, ScalarKind.String, a => a[0] is Guid g ? Convert.ToBase64String(g.ToByteArray()) : ""));
        r.Add("base64_decode_toguid", c => Fn.Row(c, ScalarKind.Guid, a => Decode(Fn.Str(a[0])) is { Length: 16 } bytes ? new Guid(bytes) : null));
        r.Add("hash_sha256", c => Fn.Row(c, ScalarKind.String, a => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(Fn.Str(a[0]))))));
        r.Add("hash_sha1", c => Fn.Row(c, ScalarKind.String, a => Hex(SHA1.HashData(Encoding.UTF8.GetBytes(Fn.Str(a[0]))))));
        r.Add(["hash", "hash_xxhash64"], c => Fn.Row(c, ScalarKind.Long, a => XxHash(a)));
        r.Add("hash_md5", c => Fn.Row(c, ScalarKind.String, a => Hex(MD5.HashData(Encoding.UTF8.GetBytes(Fn.Str(a[0]))))));
    }

    /// <summary>
    /// hash(source [, mod]): XXH64 of the value's bytes (UTF-8 for strings, little-endian ticks or values for
    /// datetimes, timespans and numbers) as a long; with mod, the non-negative remainder.
    /// </summary>
    private static object? XxHash(object?[] a)
    {
        if (a[0] is null)
        {
            return null;
        }
        Span<byte> buffer = stackalloc byte[16];
        ReadOnlySpan<byte> bytes = a[0] switch
        {
            string s => Encoding.UTF8.GetBytes(s),
            DateTime t => Write(buffer, t.Ticks),
            TimeSpan t => Write(buffer, t.Ticks),
            long l => Write(buffer, l),
            int i => Write(buffer, i),
            double d => Write(buffer, BitConverter.DoubleToInt64Bits(d)),
            bool b => Write(buffer, b ? 1 : 0),
            Guid g => g.ToByteArray(),
            var other => Encoding.UTF8.GetBytes(Values.ToKustoString(other)),
        };
        var hash = XxHash64.Hash(bytes);
        if (a.Length > 1 && Fn.Long(a[1]) is { } mod)
        {
            return mod <= 0 ? null : (long)(hash % (ulong)mod);
        }
        return unchecked((long)hash);
    }

    private static ReadOnlySpan<byte> Write(Span<byte> buffer, long value)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
        return buffer[..8];
    }

    private static byte[]? Decode(string text)
    {
        try
        {
            return Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // Kusto returns null when the decoded bytes are not valid UTF-8.
    private static string? Utf8OrNull(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();
}
