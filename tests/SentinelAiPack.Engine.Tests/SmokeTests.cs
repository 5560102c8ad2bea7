namespace SentinelAiPack.Engine.Tests;

public class SmokeTests
{
    [Test]
    public void Datatable_where_extend_summarize_runs()
    {
        var lines = EngineHarness.Lines("""
            datatable(a:long, s:string)[1, "x", 2, "y", 3, "x", 4, "z"]
            | where a > 1
            | extend b = a * 10
            | summarize total = sum(b), n = count() by s
            | sort by s asc
            """);
        Assert.That(lines, Is.EqualTo(new[] { "x|30|1", "y|20|1", "z|40|1" }));
    }

    [Test]
    public void Print_evaluates_scalars()
    {
        Assert.That(EngineHarness.Lines("print a = 1 + 2, b = strcat('x', 'y'), c = 7 / 2"), Is.EqualTo(new[] { "3|xy|3" }));
    }

    [Test]
    public void Let_function_and_scalar()
    {
        var lines = EngineHarness.Lines("""
            let threshold = 2;
            let double_it = (x:long) { x * 2 };
            let T = datatable(a:long)[1, 2, 3];
            T | where a >= threshold | project d = double_it(a)
            """);
        Assert.That(lines, Is.EqualTo(new[] { "4", "6" }));
    }

    [Test]
    public void Unsupported_operator_is_refused_by_name()
    {
        var result = EngineHarness.Compile("datatable(a:long)[1] | evaluate bag_unpack(a)");
        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics[0].Code, Is.EqualTo("SAP6001"));
        Assert.That(result.Diagnostics[0].Message, Is.EqualTo("operator 'evaluate' is not supported by the local engine"));
    }
}
