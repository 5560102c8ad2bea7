using SentinelAiPack.Content.Schemas;

namespace SentinelAiPack.Kql.Tests;

public class SchemaRegistrationTests
{
    [Test]
    public async Task Table_columns_bind_with_their_types()
    {
        var result = await SharedPool.AnalyzeAsync("AIConversationTurn_CL | project AppName, PromptLength");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.OutputColumns, Is.EqualTo(new[] { new KqlColumn("AppName", "string"), new KqlColumn("PromptLength", "int") }));
    }

    [Test]
    public async Task Unknown_column_of_a_registered_table_is_an_error()
    {
        var result = await SharedPool.AnalyzeAsync("SigninLogs | where UserName == 'x'");

        Assert.That(result.Diagnostics.Select(d => (d.Code, d.Severity)), Is.EqualTo(new[] { ("KS142", KqlSeverity.Error) }));
    }

    [Test]
    public async Task Function_with_body_gives_its_bodys_output_schema()
    {
        var result = await SharedPool.AnalyzeAsync("AITurns('chat') | project Risk, AppName");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.OutputColumns, Is.EqualTo(new[] { new KqlColumn("Risk", "real"), new KqlColumn("AppName", "string") }));
    }

    [Test]
    public async Task Parameters_with_defaults_may_be_omitted_but_extra_arguments_are_errors()
    {
        var omitted = await SharedPool.AnalyzeAsync("AITurns() | take 1");
        var named = await SharedPool.AnalyzeAsync("AITurns(weight=2.0) | take 1");
        var tooMany = await SharedPool.AnalyzeAsync("AITurns('a', 1.0, 3) | take 1");

        Assert.That(omitted.Diagnostics, Is.Empty);
        Assert.That(named.Diagnostics, Is.Empty);
        Assert.That(tooMany.Diagnostics.Select(d => d.Severity), Does.Contain(KqlSeverity.Error));
    }

    [Test]
    public async Task Function_with_only_output_columns_gives_exactly_those()
    {
        var ok = await SharedPool.AnalyzeAsync("ModelInventory | where DeployedAt > ago(1d)");
        var bad = await SharedPool.AnalyzeAsync("ModelInventory | where Owner == 'x'");

        Assert.That(ok.Diagnostics, Is.Empty);
        Assert.That(ok.OutputColumns.Select(c => c.Name), Is.EqualTo(new[] { "ModelId", "DeployedAt" }));
        Assert.That(bad.Diagnostics.Single().Code, Is.EqualTo("KS142"));
    }

    [Test]
    public async Task Watchlist_is_built_in_with_an_open_result()
    {
        var result = await SharedPool.AnalyzeAsync("_GetWatchlist('VIPUsers') | project SearchKey, LastUpdatedTimeUTC, Department");
        var noAlias = await SharedPool.AnalyzeAsync("_GetWatchlist() | take 1");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.OutputColumns, Is.EqualTo(new[]
        {
            new KqlColumn("SearchKey", "string"), new KqlColumn("LastUpdatedTimeUTC", "datetime"), new KqlColumn("Department", "unknown"),
        }));
        Assert.That(noAlias.Diagnostics.Single().Code, Is.EqualTo("KS119"));
    }

    [Test]
    public async Task Caller_declared_open_function_accepts_undeclared_columns()
    {
        var schemas = TestSchemas.Create();
        schemas.AddOrReplace(new FunctionSchema("Enrichment", [new FunctionParameter("key", "string")])
        {
            OutputColumns = [new ColumnSchema("Key", "string")],
            IsOpenOutput = true,
        });

        var result = await SharedPool.AnalyzeAsync("Enrichment('k') | project Key, Anything", schemas);

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.OutputColumns.Select(c => c.Type), Is.EqualTo(new[] { "string", "unknown" }));
    }

    [Test]
    public async Task Unknown_types_and_non_literal_defaults_are_reported_not_fatal()
    {
        var schemas = new SchemaSet();
        schemas.AddOrReplace(new TableSchema("Odd_CL", [new ColumnSchema("When", "timestampz"), new ColumnSchema("Name", "string")]));
        schemas.AddOrReplace(new FunctionSchema("OddFn", [new FunctionParameter("p", "string", "'a' | take 1")]) { Body = "Odd_CL" });

        var problems = await SharedPool.Pool.RegisterSchemaAsync(schemas);
        var result = await SharedPool.AnalyzeAsync("Odd_CL | project Name", schemas);

        Assert.That(problems, Has.Some.Contains("Odd_CL.When: unknown type 'timestampz'"));
        Assert.That(problems, Has.Some.Contains("is not a literal"));
        Assert.That(result.Diagnostics, Is.Empty);
    }

    [Test]
    public async Task Schema_sets_are_kept_apart_by_fingerprint()
    {
        var other = new SchemaSet();
        other.AddOrReplace(new TableSchema("SigninLogs", [new ColumnSchema("OnlyColumn", "string")]));

        var inOther = await SharedPool.AnalyzeAsync("SigninLogs | project UserPrincipalName", other);
        var inDefault = await SharedPool.AnalyzeAsync("SigninLogs | project UserPrincipalName");

        Assert.That(inOther.Diagnostics.Single().Code, Is.EqualTo("KS142"));
        Assert.That(inDefault.Diagnostics, Is.Empty);
    }
}
