using System.Buffers.Binary;
using System.Numerics;

namespace SentinelAiPack.Engine.Functions;

/// <summary>XXH64 (seed 0), the hash behind Kusto's hash() and hash_xxhash64().</summary>
internal static class XxHash64
{
    private const ulong Prime1 = 11400714785074694791UL;
    private const ulong Prime2 = 14029467366897019727UL;
    private const ulong Prime3 = 1609587929392839161UL;
    private const ulong Prime4 = 9650029242287828579UL;
    private const ulong Prime5 = 2870177450012600261UL;

    public static ulong Hash(ReadOnlySpan<byte> data, ulong seed = 0)
    {
        var length = data.Length;
        ulong h;
        var p = 0;
        if (length >= 32)
        {
            ulong v1 = seed + Prime1 + Prime2, v2 = seed + Prime2, v3 = seed, v4 = seed - Prime1;
            for (; p <= length - 32; p += 32)
            {
                v1 = Round(v1, Read64(data, p));
                v2 = Round(v2, Read64(data, p + 8));
                v3 = Round(v3, Read64(data, p + 16));
                v4 = Round(v4, Read64(data, p + 24));
            }
            h = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7) + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
            h = Merge(h, v1);
            h = Merge(h, v2);
            h = Merge(h, v3);
            h = Merge(h, v4);
        }
        else
        {
            h = seed + Prime5;
        }
        h += (ulong)length;
        for (; p + 8 <= length; p += 8)
        {
            h ^= Round(0, Read64(data, p));
            h = (BitOperations.RotateLeft(h, 27) * Prime1) + Prime4;
        }
        if (p + 4 <= length)
        {
            h ^= BinaryPrimitives.ReadUInt32LittleEndian(data[p..]) * Prime1;
            h = (BitOperations.RotateLeft(h, 23) * Prime2) + Prime3;
            p += 4;
        }
        for (; p < length; p++)
        {
            h ^= data[p] * Prime5;
            h = BitOperations.RotateLeft(h, 11) * Prime1;
        }
        h ^= h >> 33;
        h *= Prime2;
        h ^= h >> 29;
        h *= Prime3;
        h ^= h >> 32;
        return h;
    }

    private static ulong Read64(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt64LittleEndian(data[at..]);

    private static ulong Round(ulong acc, ulong input) => BitOperations.RotateLeft(acc + (input * Prime2), 31) * Prime1;

    private static ulong Merge(ulong acc, ulong value) => ((acc ^ Round(0, value)) * Prime1) + Prime4;
}
