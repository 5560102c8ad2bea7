namespace SentinelAiPack.Validation.Templates.Data;

/// <summary>
/// Connector ids accepted in <c>requiredDataConnectors</c> (embedded <c>connector-ids.json</c>): Azure-Sentinel's
/// ValidConnectorIds.json, later upstream additions, and ids real Microsoft content uses. Matching is exact
/// (the upstream check uses a case-sensitive list lookup).
/// </summary>
public static class ConnectorIdCatalog
{
    private static readonly Lazy<IReadOnlyList<string>> BuiltInIds = new(() =>
    {
        using var document = EmbeddedData.Open("connector-ids.json");
        return document.RootElement.GetProperty("connectorIds").EnumerateArray().Select(v => v.GetString()!).ToList();
    });

    public static IReadOnlyList<string> BuiltIn => BuiltInIds.Value;
}
