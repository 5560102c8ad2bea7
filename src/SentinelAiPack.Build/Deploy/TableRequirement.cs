namespace SentinelAiPack.Build.Deploy;

/// <summary>
/// A table an item reads and the columns it reads from it. <see cref="Via"/> is the pack parser it is reached through
/// (null when the item reads it directly); <see cref="Optional"/> marks a parser source inside
/// <c>union isfuzzy=true</c>, which the query tolerates being absent.
/// </summary>
public sealed record TableRequirement(string Table, string? Via, bool Optional, IReadOnlyList<string> Columns);

/// <summary>Everything one item needs from the workspace.</summary>
public sealed record ItemRequirements(PackItem Item, IReadOnlyList<TableRequirement> Tables);
