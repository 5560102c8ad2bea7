using System.Buffers.Binary;
using System.Text;

namespace SentinelAiPack.Telemetry.SampleData.Randomness;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Implemented here rather than <see cref="Random"/> so the sequence for a
/// seed is fixed by this code, not by a runtime version. Only integer arithmetic and IEEE +,-,*,/ are used (no
/// Math.Log/Exp/Sin, whose last bit may differ between platforms), so output is byte-identical everywhere.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public SeededRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>An independent stream for a named purpose, e.g. ("user", 17, "day", 2): adding streams never shifts others.</summary>
    public static SeededRandom For(ulong seed, params object[] labels)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(string.Join('\u001f', labels)))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return new SeededRandom(seed ^ hash);
    }

    public ulong NextULong()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(NextULong() % (ulong)maxExclusive);
    }

    /// <summary>Uniform integer in [min, maxInclusive].</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Picks by integer weights.</summary>
    public T PickWeighted<T>(IReadOnlyList<(T Item, int Weight)> items)
    {
        var total = 0;
        foreach (var (_, weight) in items)
        {
            total += weight;
        }

        var roll = Next(total);
        foreach (var (item, weight) in items)
        {
            if (roll < weight)
            {
                return item;
            }

            roll -= weight;
        }

        return items[^1].Item;
    }

    /// <summary>Roughly normal (sum of four uniforms), centred on <paramref name="mean"/> with about <paramref name="spread"/> standard deviation.</summary>
    public double Bell(double mean, double spread) =>
        mean + ((NextDouble() + NextDouble() + NextDouble() + NextDouble() - 2.0) * spread * 1.7320508075688772);

    /// <summary>Right-skewed value in [min, max]: most draws near min, a few near max.</summary>
    public double Skewed(double min, double max)
    {
        var u = NextDouble();
        return min + (u * u * u * (max - min));
    }

    public string Hex(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = "0123456789abcdef"[Next(16)];
        }

        return new string(chars);
    }

    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, NextULong());
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], NextULong());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public string GuidString() => NextGuid().ToString("D");

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
