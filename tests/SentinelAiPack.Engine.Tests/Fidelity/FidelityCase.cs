namespace SentinelAiPack.Engine.Tests.Fidelity;

/// <summary>
/// One documented Kusto behavior: the query, the rows Kusto returns (each row "v1|v2", nulls as "null", values in
/// Kusto's text form) and the documentation page the expectation comes from.
/// </summary>
public sealed record FidelityCase(string Name, string Doc, string Query, params string[] Expected)
{
    public override string ToString() => Name;
}

/// <summary>Runs fidelity cases; each area lists its cases in its own file.</summary>
public abstract class FidelitySuite
{
    protected static void Check(FidelityCase c)
    {
        var actual = EngineHarness.Lines(c.Query);
        Assert.That(actual, Is.EqualTo(c.Expected), $"{c.Name} (expected per {c.Doc})");
    }
}
