namespace SentinelAiPack.Validation.Reporting;

/// <summary>Writes a validation report in one output format (text, json, sarif, junit).</summary>
public interface IReportWriter
{
    void Write(ValidationReport report, TextWriter output);
}
