namespace SentinelAiPack.Validation.Reporting;

public enum ReportFormat
{
    Text,
    Json,
    Sarif,
    Junit,
}
