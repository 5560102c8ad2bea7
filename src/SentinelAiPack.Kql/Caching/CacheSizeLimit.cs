using System.Globalization;

namespace SentinelAiPack.Kql;

/// <summary>
/// How large one analyzer cache folder may grow before its least-recently-used entries are deleted. Each cache has
/// its own default; <c>AIPACK_CACHE_MAX_MB</c> replaces the default of every cache folder.
/// </summary>
public static class CacheSizeLimit
{
    public const string EnvironmentVariable = "AIPACK_CACHE_MAX_MB";

    public const long Megabyte = 1024 * 1024;

    /// <summary>The bound (in bytes) <paramref name="value"/> asks for, or null when it is blank (use the default).</summary>
    /// <exception cref="FormatException">The value is not a whole number of megabytes.</exception>
    public static long? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        // The upper bound keeps the byte count far from overflow; a million MB is already "never prune".
        if (!long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes) || megabytes > 1_000_000)
        {
            throw new FormatException($"{EnvironmentVariable}='{value}' is not valid; use a whole number of megabytes from 0 to 1000000.");
        }
        return megabytes * Megabyte;
    }

    /// <summary>The bound set through <see cref="EnvironmentVariable"/>, or null when it is not set.</summary>
    /// <exception cref="FormatException">The variable is not a whole number of megabytes.</exception>
    public static long? FromEnvironment() => Parse(Environment.GetEnvironmentVariable(EnvironmentVariable));
}
