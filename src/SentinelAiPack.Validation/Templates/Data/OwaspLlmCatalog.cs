namespace SentinelAiPack.Validation.Templates.Data;

/// <summary>The OWASP Top 10 for Large Language Model Applications 2025: LLM01:2025 … LLM10:2025.</summary>
public static class OwaspLlmCatalog
{
    public static IReadOnlyDictionary<string, string> Risks { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["LLM01:2025"] = "Prompt Injection",
        ["LLM02:2025"] = "Sensitive Information Disclosure",
        ["LLM03:2025"] = "Supply Chain",
        ["LLM04:2025"] = "Data and Model Poisoning",
        ["LLM05:2025"] = "Improper Output Handling",
        ["LLM06:2025"] = "Excessive Agency",
        ["LLM07:2025"] = "System Prompt Leakage",
        ["LLM08:2025"] = "Vector and Embedding Weaknesses",
        ["LLM09:2025"] = "Misinformation",
        ["LLM10:2025"] = "Unbounded Consumption",
    };
}
