using System.Globalization;
using System.Text.RegularExpressions;

namespace SentinelAiPack.Build.Lock;

/// <summary>An item version <c>major.minor.patch</c> (all numbers), compared numerically.</summary>
public sealed partial record ItemVersion(long Major, long Minor, long Patch) : IComparable<ItemVersion>
{
    public static ItemVersion? Parse(string? text)
    {
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is not { Success: true })
        {
            return null;
        }
        return long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && long.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            && long.TryParse(match.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var patch)
            ? new ItemVersion(major, minor, patch)
            : null;
    }

    public ItemVersion NextPatch => this with { Patch = Patch + 1 };

    public int CompareTo(ItemVersion? other) =>
        other is null ? 1 : (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));

    public static bool operator <(ItemVersion left, ItemVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(ItemVersion left, ItemVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(ItemVersion left, ItemVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ItemVersion left, ItemVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");

    [GeneratedRegex(@"^(\d{1,9})\.(\d{1,9})\.(\d{1,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
