using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Validation.Tests.Reporting;

internal static class ReportFixtures
{
    public static readonly DiagnosticDescriptor Severity = new("SAP1004", DiagnosticSeverity.Error, "Severity must be Informational, Low, Medium or High") { Category = "Template" };

    public static ValidationReport TwoFindings(string directory)
    {
        var file = Path.Combine(directory, "rule with space.yaml");
        File.WriteAllText(file, "id: x\nseverity: Critical\nname: \u202Eevil\n");
        return new ValidationReport(
            [
                Severity.Create("rule with space.yaml", new SourceSpan(2, 11, 8), "'Critical' is not a severity"),
                new Diagnostic("SAP5003", DiagnosticSeverity.Warning, "Unknown key 'nam\u202Ee'", "rule with space.yaml", new SourceSpan(3, 1, 4)),
            ],
            ["rule with space.yaml", "clean.yaml"],
            ItemCount: 2,
            Elapsed: TimeSpan.FromMilliseconds(1234));
    }
}
