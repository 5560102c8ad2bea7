using SentinelAiPack.Content.Loading;
using SentinelAiPack.Content.Model;
using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Simulation;

namespace SentinelAiPack.Engine.Tests.Simulation;

/// <summary>The simulator's schedule, trigger, suppression, event grouping, dynamic severity and incident grouping.</summary>
public sealed class RuleSimulatorTests
{
    private static readonly DateTime From = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static SimulatedRule Rule(TimeSpan? frequency = null, TimeSpan? period = null) => new()
    {
        Name = "test rule",
        FilePath = "rule.yaml",
        IsNearRealTime = false,
        Frequency = frequency ?? TimeSpan.FromMinutes(15),
        Period = period ?? TimeSpan.FromMinutes(15),
        Shape = new AlertShape(
            [new AlertShape.EntityMapping("Account", [("FullName", "User")])],
            [("SessionId", "Session")],
            "Alert for {{User}}",
            "AlertSeverity"),
    };

    /// <summary>Answers each run with the rows <paramref name="rows"/> gives for its time; records the windows asked for.</summary>
    private sealed class ScriptedExecutor(Func<DateTime, IReadOnlyList<string?[]>> rows) : IRuleQueryExecutor
    {
        public List<RunWindow> Windows { get; } = [];

        public int MaxConcurrency => 3;

        public Task<RunOutput> RunAsync(RunWindow window, CancellationToken cancellationToken)
        {
            lock (Windows)
            {
                Windows.Add(window);
            }
            return Task.FromResult(RunOutput.FromRows(["User", "Session", "AlertSeverity"], rows(window.Now)));
        }
    }

    private static string?[] Row(string user, string session, string? severity = null) => [user, session, severity];

    [Test]
    public void Seven_days_at_15_minutes_are_672_runs_each_reading_its_query_period()
    {
        var windows = RunGrid.Windows(From, From.AddDays(7), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1));
        Assert.Multiple(() =>
        {
            Assert.That(windows, Has.Count.EqualTo(672));
            Assert.That(windows[0].Now, Is.EqualTo(From.AddMinutes(15)));
            Assert.That(windows[0].Start, Is.EqualTo(From.AddMinutes(-45)));
            Assert.That(windows[^1].Now, Is.EqualTo(From.AddDays(7)));
            Assert.That(windows.Zip(windows.Skip(1)).All(p => p.Second.Now - p.First.Now == TimeSpan.FromMinutes(15)), Is.True);
        });
    }

    [TestCase(TriggerOperator.GreaterThan, 2, 3, true)]
    [TestCase(TriggerOperator.GreaterThan, 2, 2, false)]
    [TestCase(TriggerOperator.LessThan, 2, 1, true)]
    [TestCase(TriggerOperator.LessThan, 2, 2, false)]
    [TestCase(TriggerOperator.Equal, 2, 2, true)]
    [TestCase(TriggerOperator.NotEqual, 2, 2, false)]
    [TestCase(TriggerOperator.NotEqual, 2, 0, true)]
    public void Trigger_compares_the_row_count_with_the_threshold(TriggerOperator op, int threshold, int rows, bool met) =>
        Assert.That(new TriggerCondition(op, threshold).IsMet(rows), Is.EqualTo(met));

    [Test]
    public async Task Runs_below_the_threshold_raise_nothing_and_a_less_than_trigger_alerts_on_silence()
    {
        var rule = Rule() with { Trigger = new TriggerCondition(TriggerOperator.LessThan, 1), EventGrouping = EventGrouping.SingleAlert };
        var executor = new ScriptedExecutor(t => t.Hour == 0 ? [Row("alice", "s1")] : []);
        var simulation = await RuleSimulator.SimulateAsync(rule, executor, From, From.AddHours(2));
        Assert.Multiple(() =>
        {
            Assert.That(simulation.Runs, Has.Count.EqualTo(8));
            Assert.That(simulation.Count(RunOutcome.Silent), Is.EqualTo(3), "runs at 00:15, 00:30, 00:45 have a row");
            Assert.That(simulation.Count(RunOutcome.Alerted), Is.EqualTo(5), "empty runs meet '< 1'");
            Assert.That(simulation.Alerts.First().Rows, Is.Empty);
        });
    }

    [Test]
    public async Task Suppression_skips_the_runs_for_its_duration_after_an_alert()
    {
        var rule = Rule() with { Suppression = TimeSpan.FromHours(1) };
        var executor = new ScriptedExecutor(_ => [Row("alice", "s1")]);
        var simulation = await RuleSimulator.SimulateAsync(rule, executor, From, From.AddHours(3));
        var outcomes = simulation.Runs.Select(r => r.Outcome).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Take(5), Is.EqualTo(new[] { RunOutcome.Alerted, RunOutcome.Suppressed, RunOutcome.Suppressed, RunOutcome.Suppressed, RunOutcome.Alerted }),
                "00:15 alerts; 00:30-01:00 are within the hour; 01:15 runs again");
            Assert.That(simulation.Count(RunOutcome.Alerted), Is.EqualTo(3));
            Assert.That(executor.Windows, Has.Count.EqualTo(3), "suppressed runs send no query");
        });
    }

    [Test]
    public async Task Alert_per_result_stops_at_150_and_the_150th_alert_summarizes_every_row()
    {
        var rule = Rule() with { EventGrouping = EventGrouping.AlertPerResult };
        var rows = Enumerable.Range(0, 200).Select(i => Row($"user{i}", $"s{i}")).ToList();
        var executor = new ScriptedExecutor(t => t == From.AddMinutes(15) ? rows : []);
        var simulation = await RuleSimulator.SimulateAsync(rule, executor, From, From.AddMinutes(30));
        var alerts = simulation.Runs[0].Alerts;
        Assert.Multiple(() =>
        {
            Assert.That(alerts, Has.Count.EqualTo(150));
            Assert.That(alerts.Take(149).All(a => a.Rows.Count == 1 && !a.IsSummary), Is.True);
            Assert.That(alerts[149].IsSummary, Is.True);
            Assert.That(alerts[149].Rows, Has.Count.EqualTo(200));
            Assert.That(alerts[149].Entities, Has.Count.EqualTo(200), "the summary carries every row's entities");
            Assert.That(alerts[0].DisplayName, Is.EqualTo("Alert for user0"));
        });
        var nrt = await RuleSimulator.SimulateAsync(rule with { IsNearRealTime = true, Frequency = TimeSpan.FromMinutes(1), Period = TimeSpan.FromMinutes(1) },
            new ScriptedExecutor(t => t == From.AddMinutes(15) ? rows : []), From.AddMinutes(14), From.AddMinutes(15));
        Assert.That(nrt.Runs[0].Alerts, Has.Count.EqualTo(30), "NRT rules raise at most 30 alerts per run");
    }

    [Test]
    public async Task Single_alert_summarizes_the_run_and_takes_its_details_from_the_first_row()
    {
        var executor = new ScriptedExecutor(_ => [Row("alice", "s1", "High"), Row("bob", "s2", "Low")]);
        var simulation = await RuleSimulator.SimulateAsync(Rule(), executor, From, From.AddMinutes(15));
        var alert = simulation.Runs.Single().Alerts.Single();
        Assert.Multiple(() =>
        {
            Assert.That(alert.Rows, Has.Count.EqualTo(2));
            Assert.That(alert.Severity, Is.EqualTo("High"));
            Assert.That(alert.DisplayName, Is.EqualTo("Alert for alice"));
            Assert.That(alert.Entities.Select(e => e.Value), Is.EqualTo(new[] { "alice", "bob" }));
            Assert.That(alert.CustomDetails["SessionId"], Is.EqualTo(new[] { "s1", "s2" }));
        });
    }

    [TestCase("High", "High")]
    [TestCase("informational", "Informational")]
    [TestCase("critical", "Medium")]
    [TestCase(null, "Medium")]
    public async Task Dynamic_severity_comes_from_the_column_when_it_holds_a_severity(string? value, string expected)
    {
        var rule = Rule() with { EventGrouping = EventGrouping.AlertPerResult };
        var simulation = await RuleSimulator.SimulateAsync(rule, new ScriptedExecutor(_ => [Row("alice", "s1", value)]), From, From.AddMinutes(15));
        Assert.That(simulation.Alerts.Single().Severity, Is.EqualTo(expected));
    }

    [Test]
    public async Task Alerts_of_one_session_within_the_lookback_become_one_incident()
    {
        // A session is active from 00:00 to 07:00; another user has one alert at 01:00.
        var rule = Rule() with
        {
            EventGrouping = EventGrouping.AlertPerResult,
            Incidents = new IncidentSettings
            {
                GroupingEnabled = true,
                Matching = IncidentMatching.Selected,
                ByEntities = ["Account"],
                ByCustomDetails = ["SessionId"],
                Lookback = TimeSpan.FromHours(5),
            },
        };
        var executor = new ScriptedExecutor(t => t.Minute == 0
            ? (t.Hour == 1 ? [Row("alice", "s1"), Row("bob", "s9")] : [Row("alice", "s1")])
            : []);
        var simulation = await RuleSimulator.SimulateAsync(rule, executor, From, From.AddHours(7));
        var incidents = simulation.Incidents;
        Assert.Multiple(() =>
        {
            Assert.That(simulation.AlertCount, Is.EqualTo(8), "alice at 01:00 .. 07:00, bob at 01:00");
            Assert.That(incidents, Has.Count.EqualTo(3), "alice 01:00-06:00, alice 07:00 (past the 5 h frame), bob");
            Assert.That(incidents[0].Alerts, Has.Count.EqualTo(6));
            Assert.That(incidents[0].Title, Is.EqualTo("Alert for alice"));
            Assert.That(incidents.Count(i => i.Alerts.All(a => a.Entities[0].Value == "bob")), Is.EqualTo(1));
        });
    }

    [Test]
    public void Grouping_methods_and_incident_creation()
    {
        var alerts = Enumerable.Range(0, 4).Select(i => new SimulatedAlert
        {
            Time = From.AddMinutes(i),
            Severity = i == 3 ? "High" : "Low",
            DisplayName = "a",
            Entities = [new AlertEntity("Account", "FullName", i % 2 == 0 ? "alice" : "bob")],
        }).ToList();
        var many = Enumerable.Range(0, 160).Select(i => alerts[0] with { Time = From.AddSeconds(i) }).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(IncidentGrouper.Group(new IncidentSettings(), alerts), Has.Count.EqualTo(4), "no grouping: one incident per alert");
            Assert.That(IncidentGrouper.Group(new IncidentSettings { CreateIncident = false }, alerts), Is.Empty);
            var any = IncidentGrouper.Group(new IncidentSettings { GroupingEnabled = true, Matching = IncidentMatching.AnyAlert }, alerts);
            Assert.That(any, Has.Count.EqualTo(1));
            Assert.That(any[0].Severity, Is.EqualTo("High"), "an incident is as severe as its worst alert");
            Assert.That(IncidentGrouper.Group(new IncidentSettings { GroupingEnabled = true }, alerts), Has.Count.EqualTo(2), "all entities: alice, bob");
            Assert.That(IncidentGrouper.Group(new IncidentSettings { GroupingEnabled = true, Matching = IncidentMatching.AnyAlert }, many).Select(i => i.Alerts.Count),
                Is.EqualTo(new[] { 150, 10 }), "at most 150 alerts per incident");
        });
    }

    [Test]
    public async Task Runs_without_suppression_go_in_parallel_batches_and_keep_their_order()
    {
        var executor = new ScriptedExecutor(t => [Row("alice", t.ToString("HHmm", System.Globalization.CultureInfo.InvariantCulture))]);
        var simulation = await RuleSimulator.SimulateAsync(Rule() with { EventGrouping = EventGrouping.AlertPerResult }, executor, From, From.AddHours(2));
        Assert.That(simulation.Runs.Select(r => r.Alerts.Single().CustomDetails["SessionId"].Single()),
            Is.EqualTo(new[] { "0015", "0030", "0045", "0100", "0115", "0130", "0145", "0200" }));
    }

    [Test]
    public async Task A_failed_run_is_recorded_and_the_next_runs_go_on()
    {
        var calls = 0;
        var executor = new FailingOnce(() => calls++ == 1);
        var simulation = await RuleSimulator.SimulateAsync(Rule(), executor, From, From.AddHours(1));
        Assert.Multiple(() =>
        {
            Assert.That(simulation.Runs.Select(r => r.Outcome), Is.EqualTo(new[] { RunOutcome.Silent, RunOutcome.Failed, RunOutcome.Silent, RunOutcome.Silent }));
            Assert.That(simulation.Runs[1].Error, Is.EqualTo("regex took too long"));
        });
    }

    private sealed class FailingOnce(Func<bool> fail) : IRuleQueryExecutor
    {
        public int MaxConcurrency => 1;

        public Task<RunOutput> RunAsync(RunWindow window, CancellationToken cancellationToken) =>
            fail() ? throw new RunFailedException("regex took too long") : Task.FromResult(RunOutput.Empty);
    }

    [Test]
    public async Task The_local_engine_reads_each_run_s_window_and_now()
    {
        // Events every 10 minutes for 2 hours; a 30-minute lookback every 15 minutes reads 3 of them per run.
        var schema = new RowSchema([new ColumnInfo("TimeGenerated", ScalarKind.DateTime), new ColumnInfo("User", ScalarKind.String)]);
        var table = Table.FromRows(schema, Enumerable.Range(0, 12).Reverse().Select(i => (IReadOnlyList<object?>)[From.AddMinutes(10 * i + 5), $"u{i}"]));
        var data = new SimulationData(new Dictionary<string, Table> { ["Events"] = table });
        var compiled = await EngineHarness.Engine.CompileAsync("Events | where TimeGenerated > ago(30m) | extend Now = now()", extraTables:
            [new Content.Schemas.TableSchema("Events", [new("TimeGenerated", "datetime"), new("User", "string")])]);
        Assert.That(compiled.Success, Is.True, string.Join("; ", compiled.Diagnostics.Select(d => d.Message)));
        var executor = new LocalRuleExecutor(compiled.Plan!, data, new Dictionary<string, RowSchema>(), WindowClock.TimeGenerated);
        var rule = Rule(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30)) with { EventGrouping = EventGrouping.AlertPerResult, Shape = AlertShape.None };
        var simulation = await RuleSimulator.SimulateAsync(rule, executor, From, From.AddHours(2));
        Assert.Multiple(() =>
        {
            Assert.That(simulation.Runs.Select(r => r.Rows), Is.EqualTo(new[] { 2, 3, 3, 3, 3, 3, 3, 3 }),
                "00:15 reads 00:05 and 00:15; later runs three events each");
            Assert.That(simulation.Runs.All(r => r.Alerts.All(a => a.Rows[0][2] == Values.FormatDateTime(r.Time.Ticks))), Is.True, "now() is the run's time");
        });
        Assert.That(data.TimeRange(), Is.EqualTo((From.AddMinutes(5), From.AddMinutes(115))));
    }

    [Test]
    public void Nrt_windows_are_cut_on_ingestion_time()
    {
        var schema = new RowSchema([new ColumnInfo("TimeGenerated", ScalarKind.DateTime), new ColumnInfo("_TimeReceived", ScalarKind.DateTime)]);
        // An event from 00:01 that arrived at 00:09 is in the 00:09-00:10 NRT window, not the 00:01-00:02 one.
        var table = Table.FromRows(schema, [[From.AddMinutes(1), From.AddMinutes(9).AddSeconds(30)]]);
        var data = new SimulationData(new Dictionary<string, Table> { ["T"] = table });
        Assert.Multiple(() =>
        {
            Assert.That(data.Window(From.AddMinutes(1), From.AddMinutes(2), WindowClock.IngestionTime)["T"].RowCount, Is.Zero);
            Assert.That(data.Window(From.AddMinutes(9), From.AddMinutes(10), WindowClock.IngestionTime)["T"].RowCount, Is.EqualTo(1));
            Assert.That(data.Window(From, From.AddMinutes(1), WindowClock.TimeGenerated)["T"].RowCount, Is.EqualTo(1), "(start, end]: 00:01 is in (00:00, 00:01]");
        });
    }

    [Test]
    public void Sessions_are_counted_across_tables_in_the_range()
    {
        var schema = new RowSchema([new ColumnInfo("TimeGenerated", ScalarKind.DateTime), new ColumnInfo("SessionId", ScalarKind.String)]);
        var a = Table.FromRows(schema, [[From.AddMinutes(1), "s1"], [From.AddMinutes(2), "s2"], [From.AddDays(2), "s3"], [From.AddMinutes(3), ""]]);
        var b = Table.FromRows(schema, [[From.AddMinutes(4), "s2"], [From.AddMinutes(5), "s4"]]);
        var data = new SimulationData(new Dictionary<string, Table> { ["A"] = a, ["B"] = b });
        Assert.That(data.CountSessions(From, From.AddDays(1)), Is.EqualTo(3));
    }

    private static AnalyticRule Load(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"aipack-sim-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        try
        {
            return (AnalyticRule)ContentLoader.LoadFile(path).Item!;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private const string Base = """
        id: 6b0f1d9e-2c4a-4e8b-9f3d-1a2b3c4d5e6f
        name: A rule
        description: d
        severity: High
        query: T | take 1

        """;

    [Test]
    public void A_rule_file_becomes_its_schedule_with_sentinel_s_defaults()
    {
        var (rule, problem) = SimulatedRule.From(Load(Base + """
            kind: Scheduled
            queryFrequency: 1h
            queryPeriod: 14d
            triggerOperator: GreaterThan
            triggerThreshold: 3
            suppressionEnabled: true
            suppressionDuration: 5h
            eventGroupingSettings:
              aggregationKind: AlertPerResult
            alertDetailsOverride:
              alertSeverityColumnName: Sev
            incidentConfiguration:
              createIncident: true
              groupingConfiguration:
                enabled: true
                lookbackDuration: PT12H
                matchingMethod: Selected
                groupByEntities: [Account]
                groupByCustomDetails: [SessionId]
            """), "a.yaml");
        Assert.That(rule, Is.Not.Null, problem);
        Assert.Multiple(() =>
        {
            Assert.That(rule!.Frequency, Is.EqualTo(TimeSpan.FromHours(1)));
            Assert.That(rule.Period, Is.EqualTo(TimeSpan.FromDays(14)));
            Assert.That(rule.Trigger, Is.EqualTo(new TriggerCondition(TriggerOperator.GreaterThan, 3)));
            Assert.That(rule.Suppression, Is.EqualTo(TimeSpan.FromHours(5)));
            Assert.That(rule.EventGrouping, Is.EqualTo(EventGrouping.AlertPerResult));
            Assert.That(rule.Severity, Is.EqualTo("High"));
            Assert.That(rule.Shape.SeverityColumn, Is.EqualTo("Sev"));
            Assert.That(rule.Incidents.Lookback, Is.EqualTo(TimeSpan.FromHours(12)));
            Assert.That(rule.Incidents.ToString(), Is.EqualTo("grouped by Account, custom SessionId within 12h"));
        });
        var (defaults, _) = SimulatedRule.From(Load(Base + "kind: Scheduled\nqueryFrequency: 5m\nqueryPeriod: 5m\n"), "b.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(defaults!.Trigger, Is.EqualTo(TriggerCondition.Default));
            Assert.That(defaults.Suppression, Is.Null);
            Assert.That(defaults.EventGrouping, Is.EqualTo(EventGrouping.SingleAlert));
            Assert.That(defaults.Incidents.ToString(), Is.EqualTo("one incident per alert"));
        });
        var (nrt, _) = SimulatedRule.From(Load(Base + "kind: NRT\n"), "c.yaml");
        Assert.That((nrt!.IsNearRealTime, nrt.Frequency, nrt.Period), Is.EqualTo((true, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1))));
    }

    [TestCase("kind: Scheduled\nqueryPeriod: 1h\n", "queryFrequency is missing or not a duration")]
    [TestCase("kind: Scheduled\nqueryFrequency: 1h\nqueryPeriod: 1h\ntriggerOperator: above\n", "triggerOperator 'above' is not gt, lt, eq or ne")]
    [TestCase("kind: Scheduled\nqueryFrequency: 1h\nqueryPeriod: 1h\nsuppressionEnabled: true\n", "suppressionEnabled is true but suppressionDuration is missing or not a duration")]
    [TestCase("kind: Fusion\n", "kind 'Fusion' is not Scheduled or NRT")]
    public void A_rule_with_a_broken_schedule_says_why_it_cannot_be_simulated(string tail, string reason)
    {
        var (rule, problem) = SimulatedRule.From(Load(Base + tail), "x.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(rule, Is.Null);
            Assert.That(problem, Is.EqualTo(reason));
        });
    }
}
