using System.Security.Cryptography;
using System.Text;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions;

/// <summary>base64 and cryptographic hashes: base64_encode_tostring, base64_decode_tostring, base64_decode_toarray, hash_sha256, hash_sha1, hash_md5.</summary>
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
        r.Add("hash_md5", c => Fn.Row(c, ScalarKind.String, a => Hex(MD5.HashData(Encoding.UTF8.GetBytes(Fn.Str(a[0]))))));
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
