namespace SentinelAiPack.Content.Model;

/// <summary>What a content file is.</summary>
public enum ContentKind
{
    AnalyticRule,
    HuntingQuery,
    Parser,
}
