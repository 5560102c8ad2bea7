using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Patterns;

/// <summary>SAP505x: problems in the attack-pattern library (patterns/*.yaml) and its generated parser.</summary>
public static class PatternCodes
{
    public static readonly DiagnosticDescriptor InvalidFamily =
        new("SAP5050", DiagnosticSeverity.Error, "Invalid pattern-library file") { Category = "Patterns" };

    public static readonly DiagnosticDescriptor NotPortableRegex =
        new("SAP5051", DiagnosticSeverity.Error, "Pattern uses a construct RE2 (Log Analytics) and .NET (local engine) read differently") { Category = "Patterns" };

    public static readonly DiagnosticDescriptor InvalidRegex =
        new("SAP5052", DiagnosticSeverity.Error, "Pattern is not a valid regular expression") { Category = "Patterns" };

    public static readonly DiagnosticDescriptor DuplicateName =
        new("SAP5053", DiagnosticSeverity.Error, "Family or pattern name used twice") { Category = "Patterns" };

    public static readonly DiagnosticDescriptor GeneratedParserStale =
        new("SAP5054", DiagnosticSeverity.Error, "Generated AITextAttackSignals parser differs from the pattern library") { Category = "Patterns" };

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [InvalidFamily, NotPortableRegex, InvalidRegex, DuplicateName, GeneratedParserStale];
}
