using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions;

/// <summary>IP address functions: ipv4_is_private, ipv4_is_match, ipv4_is_in_range, ipv4_compare, parse_ipv4, has_ipv4, ipv6_compare, ...</summary>
internal static partial class NetworkFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("ipv4_is_private", c => Fn.Row(c, ScalarKind.Bool, a => Parse(Fn.Str(a[0])) is { } ip ? IsPrivate(ip.Address) : null));
        r.Add("ipv4_is_match", c => Fn.Row(c, ScalarKind.Bool, a => Compare(a) is { } cmp ? cmp == 0 : null));
        r.Add("ipv4_compare", c => Fn.Row(c, ScalarKind.Long, a => Compare(a)));
        r.Add("ipv4_is_in_range", c => Fn.Row(c, ScalarKind.Bool, a => InRange(Fn.Str(a[0]), Fn.Str(a[1]))));
        r.Add("ipv4_is_in_any_range", c => Fn.Row(c, ScalarKind.Bool, a =>
        {
            var ranges = a.Skip(1).SelectMany(v => v is DynArray array ? (IEnumerable<object?>)array : [v]).Select(Fn.Str);
            return Parse(Fn.Str(a[0])) is null ? null : ranges.Any(range => InRange(Fn.Str(a[0]), range) == true);
        }));
        r.Add("parse_ipv4", c => Fn.Row(c, ScalarKind.Long, a => Parse(Fn.Str(a[0])) is { } ip ? (long)(ip.Address & Mask(ip.Prefix)) : null));
        r.Add("parse_ipv4_mask", c => Fn.Row(c, ScalarKind.Long, a => Parse(Fn.Str(a[0])) is { } ip && Fn.Long(a[1]) is { } bits
            ? (long)(ip.Address & Mask((int)Math.Clamp(bits, 0, 32))) : null));
        r.Add("format_ipv4", c => Fn.Row(c, ScalarKind.String, a => ToAddress(a[0]) is { } ip
            ? Format(ip & Mask(a.Length > 1 ? (int)Math.Clamp(Fn.Long(a[1]) ?? 32, 0, 32) : 32)) : ""));
        r.Add("format_ipv4_mask", c => Fn.Row(c, ScalarKind.String, a => ToAddress(a[0]) is { } ip
            ? Format(ip & Mask(a.Length > 1 ? (int)Math.Clamp(Fn.Long(a[1]) ?? 32, 0, 32) : 32)) + "/" + (a.Length > 1 ? Fn.Long(a[1]) ?? 32 : 32) : ""));
        r.Add("ipv4_netmask_suffix", c => Fn.Row(c, ScalarKind.Int, a => Parse(Fn.Str(a[0]))?.Prefix));
        r.Add("has_ipv4", c => Fn.Row(c, ScalarKind.Bool, a => HasIpv4(Fn.Str(a[0]), Fn.Str(a[1]), prefix: false)));
        r.Add("has_ipv4_prefix", c => Fn.Row(c, ScalarKind.Bool, a => HasIpv4(Fn.Str(a[0]), Fn.Str(a[1]), prefix: true)));
        r.Add("has_any_ipv4", c => Fn.Row(c, ScalarKind.Bool, a => a.Skip(1).SelectMany(v => v is DynArray array ? (IEnumerable<object?>)array : [v])
            .Any(ip => HasIpv4(Fn.Str(a[0]), Fn.Str(ip), prefix: false) == true)));
        r.Add("ipv6_compare", c => Fn.Row(c, ScalarKind.Long, a => CompareV6(Fn.Str(a[0]), Fn.Str(a[1]), a.Length > 2 ? Fn.Long(a[2]) : null)));
        r.Add("ipv6_is_match", c => Fn.Row(c, ScalarKind.Bool, a => CompareV6(Fn.Str(a[0]), Fn.Str(a[1]), a.Length > 2 ? Fn.Long(a[2]) : null) is { } cmp ? cmp == 0 : null));
    }

    private readonly record struct Ipv4(uint Address, int Prefix);

    /// <summary>Parses "a.b.c.d" or "a.b.c.d/prefix"; null when it is not an IPv4 address.</summary>
    private static Ipv4? Parse(string text)
    {
        var t = text.Trim();
        var prefix = 32;
        var slash = t.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!int.TryParse(t.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > 32)
            {
                return null;
            }
            t = t[..slash];
        }
        var parts = t.Split('.');
        if (parts.Length != 4)
        {
            return null;
        }
        uint address = 0;
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !byte.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var b))
            {
                return null;
            }
            address = (address << 8) | b;
        }
        return new Ipv4(address, prefix);
    }

    private static uint Mask(int prefix) => prefix <= 0 ? 0 : prefix >= 32 ? uint.MaxValue : uint.MaxValue << (32 - prefix);

    /// <summary>RFC 1918 private ranges: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16.</summary>
    private static bool IsPrivate(uint ip) =>
        (ip & 0xFF000000) == 0x0A000000 || (ip & 0xFFF00000) == 0xAC100000 || (ip & 0xFFFF0000) == 0xC0A80000;

    /// <summary>ipv4_compare(ip1, ip2[, prefix]): compares the addresses under the smallest prefix given.</summary>
    private static long? Compare(object?[] a)
    {
        if (Parse(Fn.Str(a[0])) is not { } x || Parse(Fn.Str(a[1])) is not { } y)
        {
            return null;
        }
        var prefix = Math.Min(x.Prefix, y.Prefix);
        if (a.Length > 2)
        {
            prefix = Math.Min(prefix, (int)Math.Clamp(Fn.Long(a[2]) ?? 32, 0, 32));
        }
        var mask = Mask(prefix);
        return ((x.Address & mask).CompareTo(y.Address & mask)) switch { < 0 => -1, > 0 => 1, _ => 0 };
    }

    private static bool? InRange(string ip, string range)
    {
        if (Parse(ip) is not { } address || Parse(range) is not { } network)
        {
            return null;
        }
        var mask = Mask(network.Prefix);
        return (address.Address & mask) == (network.Address & mask);
    }

    private static uint? ToAddress(object? value) => value switch
    {
        string s => Parse(s)?.Address,
        _ when Fn.Long(value) is { } l && l >= 0 && l <= uint.MaxValue => (uint)l,
        _ => null,
    };

    private static string Format(uint ip) => $"{ip >> 24}.{(ip >> 16) & 255}.{(ip >> 8) & 255}.{ip & 255}";

    [GeneratedRegex(@"(?<![\d.])(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(?![\d])")]
    private static partial Regex Ipv4Pattern();

    /// <summary>has_ipv4(text, ip): the address appears in the text as a whole address (has_ipv4_prefix: as a prefix).</summary>
    private static bool? HasIpv4(string text, string ip, bool prefix)
    {
        foreach (Match match in Ipv4Pattern().Matches(text))
        {
            var candidate = match.Groups[1].Value;
            if (Parse(candidate) is null)
            {
                continue;
            }
            if (prefix ? candidate.StartsWith(ip, StringComparison.Ordinal) && (ip.EndsWith('.') || candidate.Length == ip.Length || candidate[ip.Length] == '.') : candidate == ip)
            {
                return true;
            }
        }
        return false;
    }

    private static long? CompareV6(string a, string b, long? prefix)
    {
        static (byte[] Bytes, int Prefix)? Parse6(string text)
        {
            var t = text.Trim();
            var bits = 128;
            var slash = t.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                if (!int.TryParse(t.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out bits))
                {
                    return null;
                }
                t = t[..slash];
            }
            if (!IPAddress.TryParse(t, out var address))
            {
                return null;
            }
            if (address.AddressFamily == AddressFamily.InterNetwork)
            {
                address = address.MapToIPv6();
                bits = slash >= 0 ? bits + 96 : 128;
            }
            return (address.GetAddressBytes(), Math.Clamp(bits, 0, 128));
        }
        if (Parse6(a) is not { } x || Parse6(b) is not { } y)
        {
            return null;
        }
        var limit = Math.Min(Math.Min(x.Prefix, y.Prefix), (int)(prefix ?? 128));
        for (var bit = 0; bit < limit; bit++)
        {
            var mask = (byte)(0x80 >> (bit % 8));
            var xb = x.Bytes[bit / 8] & mask;
            var yb = y.Bytes[bit / 8] & mask;
            if (xb != yb)
            {
                return xb < yb ? -1 : 1;
            }
        }
        return 0;
    }
}
