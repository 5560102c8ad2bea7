using SentinelAiPack.Content.Diagnostics;
using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Kql;
using SentinelAiPack.Validation.Kql;

namespace SentinelAiPack.Validation.Tests.Kql;

/// <summary>A query the analyzer ran out of time on was not checked: one warning saying so, no error and no other finding.</summary>
public class TimedOutAnalysisTests
{
    [Test]
    public void A_timed_out_analysis_is_one_warning()
    {
        var analysis = new KqlAnalysis { Id = "q", TimedOut = true, Failure = "The analyzer did not finish within 10 s, nor within 60 s on a second try." };

        var findings = KqlFindingMapper.Map("rule.yaml", new SourceSpan(7, 3), (start, length) => new SourceSpan(7, 3 + start, length), analysis,
            new SchemaSetBuilder().Build().Schemas).ToList();

        Assert.That(findings.Select(f => (f.Code, f.Severity)), Is.EqualTo(new[] { ("SAP2003", DiagnosticSeverity.Warning) }));
        Assert.That(findings[0].Message, Does.Contain("did not finish"));
    }

    [Test]
    public void Any_other_failure_stays_an_error()
    {
        var analysis = new KqlAnalysis { Id = "q", Failure = "parameters: default value 'x' is not a literal" };

        var findings = KqlFindingMapper.Map("rule.yaml", new SourceSpan(7, 3), (start, length) => new SourceSpan(7, 3 + start, length), analysis,
            new SchemaSetBuilder().Build().Schemas).ToList();

        Assert.That(findings.Select(f => (f.Code, f.Severity)), Is.EqualTo(new[] { ("SAP2003", DiagnosticSeverity.Error) }));
    }
}
