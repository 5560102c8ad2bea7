namespace SentinelAiPack.Kql.Tests;

public class AnalysisTests
{
    [Test]
    public async Task Diagnostic_offsets_point_at_the_offending_text()
    {
        const string text = "AIConversationTurn_CL\n| where TimeGenerated > ago(1h)\n| where Usr == 'bob'";

        var result = await SharedPool.AnalyzeAsync(text);

        var error = result.Diagnostics.Single();
        Assert.That(text.Substring(error.Start, error.Length), Is.EqualTo("Usr"));
        Assert.That(error.IsSyntax, Is.False);
        Assert.That(error.Message, Does.Contain("Usr"));
    }

    [Test]
    public async Task Syntax_errors_are_marked_and_located()
    {
        const string text = "SigninLogs | where | project IPAddress";

        var result = await SharedPool.AnalyzeAsync(text);

        Assert.That(result.HasSyntaxErrors, Is.True);
        var syntax = result.Diagnostics.First(d => d.IsSyntax);
        Assert.That(syntax.Start, Is.EqualTo(text.IndexOf("| project", StringComparison.Ordinal) - 1).Or.EqualTo(text.IndexOf("| project", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Parse_only_reports_syntax_but_not_binding()
    {
        var result = await SharedPool.AnalyzeAsync("NoSuchTable | where x ==", configure: r => r with { Mode = KqlAnalysisMode.ParseOnly });

        Assert.That(result.Diagnostics, Is.Not.Empty);
        Assert.That(result.Diagnostics, Has.All.Matches<KqlDiagnostic>(d => d.IsSyntax));
        Assert.That(result.IsTabular, Is.False);
    }

    [TestCase("SigninLogs | project IPAddress, When = TimeGenerated", "IPAddress:string,When:datetime")]
    [TestCase("SigninLogs | summarize Attempts = count(), Last = max(TimeGenerated) by UserPrincipalName", "UserPrincipalName:string,Attempts:long,Last:datetime")]
    // Every table also has the Log Analytics standard columns (TenantId, Type, _ResourceId, ...), listed or not.
    [TestCase("SigninLogs | extend Failed = ResultType != '0' | project-away ResultType", "TimeGenerated:datetime,UserPrincipalName:string,IPAddress:string,TenantId:string,Type:string,_ResourceId:string,_ItemId:string,_TimeReceived:datetime,_SubscriptionId:string,_IsBillable:string,_BilledSize:real,Failed:bool")]
    [TestCase("SigninLogs | join kind=inner (AIConversationTurn_CL | project UserId, AppName) on $left.UserPrincipalName == $right.UserId | project UserPrincipalName, AppName",
        "UserPrincipalName:string,AppName:string")]
    public async Task Output_columns_follow_the_query(string text, string expected)
    {
        var result = await SharedPool.AnalyzeAsync(text);

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.IsTabular, Is.True);
        Assert.That(string.Join(",", result.OutputColumns.Select(c => c.Name + ":" + c.Type)), Is.EqualTo(expected));
    }

    [Test]
    public async Task References_include_tables_reached_through_functions()
    {
        var result = await SharedPool.AnalyzeAsync(
            "AITurns('chat') | join kind=inner (SigninLogs | project UserPrincipalName, IPAddress) on $left.UserId == $right.UserPrincipalName");

        Assert.That(result.Functions.Select(f => (f.Name, f.Via)), Is.EqualTo(new[] { ("AITurns", (string?)null) }));
        Assert.That(result.Tables.Select(t => (t.Name, t.Via)), Is.EquivalentTo(new[]
        {
            ("AIConversationTurn_CL", "AITurns"), ("SigninLogs", (string?)null),
        }));
        // Direct references carry their first use, so findings about them point at the token; references through a function do not.
        Assert.That((result.Functions[0].Start, result.Functions[0].Length), Is.EqualTo((0, "AITurns('chat')".Length)));
        Assert.That(result.Tables.Single(t => t.Via is not null).Start, Is.Null);
        Assert.That(result.Columns, Does.Contain(new KqlColumnReference("AIConversationTurn_CL", "PromptLength", "AITurns")));
        Assert.That(result.Columns, Does.Contain(new KqlColumnReference("SigninLogs", "IPAddress", null)));
    }

    [Test]
    public async Task Best_practice_findings_are_kept_apart_from_errors()
    {
        var result = await SharedPool.AnalyzeAsync(
            "SigninLogs | where UserPrincipalName contains 'admin' | join (AIConversationTurn_CL) on $left.UserPrincipalName == $right.UserId");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.BestPractices.Select(d => d.Code), Is.SupersetOf(new[] { "KS500", "KS508" }));
        Assert.That(result.BestPractices, Has.All.Matches<KqlDiagnostic>(d => d.Severity != KqlSeverity.Error));
    }

    [Test]
    public async Task Best_practices_are_skipped_when_not_asked_for()
    {
        var result = await SharedPool.AnalyzeAsync("SigninLogs | where UserPrincipalName contains 'admin'",
            configure: r => r with { WantBestPractices = false, WantReferences = false, WantOutput = false });

        Assert.That(result.BestPractices, Is.Empty);
        Assert.That(result.Tables, Is.Empty);
        Assert.That(result.OutputColumns, Is.Empty);
    }

    [Test]
    public async Task Function_body_is_validated_on_its_own_with_offsets_in_the_body()
    {
        var schemas = TestSchemas.Create();
        var function = schemas.FindFunction("AITurns")!;
        const string broken = "AIConversationTurn_CL | where AppName == app | extend Risk = PromptLenght * weight";

        var good = await SharedPool.Analyzer.AnalyzeAsync([KqlRequest.ForFunctionBody("good", function.Body!, function.Parameters)], schemas);
        var bad = await SharedPool.Analyzer.AnalyzeAsync([KqlRequest.ForFunctionBody("bad", broken, function.Parameters)], schemas);

        Assert.That(good[0].Diagnostics, Is.Empty);
        var error = bad[0].Diagnostics.Single();
        Assert.That(broken.Substring(error.Start, error.Length), Is.EqualTo("PromptLenght"));
    }

    [Test]
    public async Task Errors_inside_a_called_body_are_not_reported_at_the_call_site()
    {
        var schemas = TestSchemas.Create();
        schemas.AddOrReplace(new Content.Schemas.FunctionSchema("BrokenParser", []) { Body = "SigninLogs | where NoSuchColumn == 1" });

        var result = await SharedPool.AnalyzeAsync("BrokenParser | take 10", schemas);

        Assert.That(result.Diagnostics.Where(d => d.Severity == KqlSeverity.Error), Is.Empty);
        Assert.That(result.BestPractices.Select(d => d.Code), Is.Not.Empty, "Kusto.Language's CalledFunctionHasErrors analyzer flags the call");
    }

    [Test]
    public async Task Results_come_back_in_request_order_with_their_ids()
    {
        var requests = Enumerable.Range(0, 40).Select(i => new KqlRequest("r" + i, $"SigninLogs | take {i}")).ToArray();

        var results = await SharedPool.Analyzer.AnalyzeAsync(requests, TestSchemas.Create());

        Assert.That(results.Select(r => r.Id), Is.EqualTo(requests.Select(r => r.Id)));
    }
}
