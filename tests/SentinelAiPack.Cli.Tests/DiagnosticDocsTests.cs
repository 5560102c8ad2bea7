using SentinelAiPack.Cli.Diagnostics;
using SentinelAiPack.TestSupport.Repository;
using SentinelAiPack.Validation.Reporting;

namespace SentinelAiPack.Cli.Tests;

/// <summary>docs/diagnostics.md lists exactly the codes the tool can report. AIPACK_UPDATE_BASELINE=1 regenerates it.</summary>
public class DiagnosticDocsTests
{
    [Test]
    public void Diagnostics_page_is_generated_from_the_catalogs()
    {
        var expected = DiagnosticDocsWriter.Render(AllDiagnostics.Descriptors);
        var path = Path.Combine(RepositoryPaths.Docs, "diagnostics.md");
        if (Environment.GetEnvironmentVariable("AIPACK_UPDATE_BASELINE") == "1")
        {
            File.WriteAllText(path, expected);
            Assert.Ignore("docs/diagnostics.md rewritten.");
        }
        Assert.That(File.Exists(path) ? File.ReadAllText(path) : "", Is.EqualTo(expected),
            "docs/diagnostics.md is stale: run AIPACK_UPDATE_BASELINE=1 dotnet test --filter DiagnosticDocsTests");
    }

    [Test]
    public void Codes_are_unique_and_well_formed()
    {
        var codes = AllDiagnostics.Descriptors.Select(d => d.Code).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(codes, Is.Unique);
            Assert.That(codes, Has.All.Match(@"^SAP[1-9]\d{3}$"));
        });
    }
}
