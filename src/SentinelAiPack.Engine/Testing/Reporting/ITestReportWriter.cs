namespace SentinelAiPack.Engine.Testing.Reporting;

/// <summary>Writes an <c>aipack test</c> report in one format.</summary>
public interface ITestReportWriter
{
    void Write(RuleTestReport report, TextWriter output);
}
