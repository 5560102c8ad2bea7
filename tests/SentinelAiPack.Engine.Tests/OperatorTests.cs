using static SentinelAiPack.Engine.Tests.EngineHarness;

namespace SentinelAiPack.Engine.Tests;

/// <summary>Each operator end to end over datatables.</summary>
public class OperatorTests
{
    private const string Events = """
        let Events = datatable(User:string, Action:string, Count:long, At:datetime)[
            "alice", "login", 1, datetime(2026-03-01 10:00),
            "bob", "login", 2, datetime(2026-03-01 10:30),
            "alice", "read", 3, datetime(2026-03-01 11:10),
            "carol", "write", 4, datetime(2026-03-01 11:20)];
        """;

    [Test]
    public void Union_matches_columns_by_name_and_fills_nulls()
    {
        var lines = Lines("""
            union (datatable(a:long, b:string)[1, "x"]), (datatable(a:long, c:real)[2, 2.5])
            | project a, b, c
            """);
        Assert.That(lines, Is.EqualTo(new[] { "1|x|null", "2||2.5" }));
    }

    [Test]
    public void Union_withsource_names_tables()
    {
        var lines = Lines(Events + "let Other = datatable(User:string)[\"dave\"]; union withsource=T Events, Other | summarize count() by T | sort by T asc");
        Assert.That(lines, Is.EqualTo(new[] { "Events|4", "Other|1" }));
    }

    [Test]
    public void Join_kinds()
    {
        const string setup = """
            let L = datatable(k:long, l:string)[1, "a", 1, "b", 2, "c", 3, "d"];
            let R = datatable(k:long, r:string)[1, "x", 1, "y", 2, "z", 4, "w"];
            """;
        Assert.That(Lines(setup + "L | join R on k | project l, r | sort by l asc, r asc"), Is.EqualTo(new[] { "a|x", "a|y", "c|z" }));
        Assert.That(Lines(setup + "L | join kind=inner R on k | project l, r | sort by l asc, r asc"), Is.EqualTo(new[] { "a|x", "a|y", "b|x", "b|y", "c|z" }));
        Assert.That(Lines(setup + "L | join kind=leftouter R on k | project l, r | sort by l asc, r asc"), Is.EqualTo(new[] { "a|x", "a|y", "b|x", "b|y", "c|z", "d|" }));
        Assert.That(Lines(setup + "L | join kind=leftanti R on k | project l"), Is.EqualTo(new[] { "d" }));
        Assert.That(Lines(setup + "L | join kind=leftsemi R on k | project l"), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(Lines(setup + "L | join kind=rightanti R on k | project r"), Is.EqualTo(new[] { "w" }));
        Assert.That(Lines(setup + "L | join kind=rightsemi R on k | project r"), Is.EqualTo(new[] { "x", "y", "z" }));
        Assert.That(Lines(setup + "L | join kind=fullouter R on k | project l, r | sort by l asc, r asc"), Is.EqualTo(new[] { "|w", "a|x", "a|y", "b|x", "b|y", "c|z", "d|" }));
        Assert.That(Lines(setup + "L | join kind=inner (R | project k2 = k, r) on $left.k == $right.k2 | count"), Is.EqualTo(new[] { "5" }));
    }

    [Test]
    public void Join_output_renames_duplicate_right_columns()
    {
        var table = Run("datatable(k:long, v:string)[1, \"a\"] | join kind=inner (datatable(k:long, v:string)[1, \"b\"]) on k");
        Assert.That(table.Schema.Columns.Select(c => c.Name), Is.EqualTo(new[] { "k", "v", "k1", "v1" }));
    }

    [Test]
    public void Lookup_adds_dimension_columns()
    {
        var lines = Lines(Events + """
            let Roles = datatable(User:string, Role:string)["alice", "admin", "bob", "user"];
            Events | lookup Roles on User | project User, Role | sort by User asc
            """);
        Assert.That(lines, Is.EqualTo(new[] { "alice|admin", "alice|admin", "bob|user", "carol|" }));
    }

    [Test]
    public void Mv_expand_arrays_bags_and_index()
    {
        Assert.That(Lines("datatable(a:long, d:dynamic)[1, dynamic([10, 20]), 2, dynamic([]), 3, dynamic(null)] | mv-expand d"),
            Is.EqualTo(new[] { "1|10", "1|20", "3|null" }));
        Assert.That(Lines("print d = dynamic({'x': 1, 'y': 2}) | mv-expand d"), Is.EqualTo(new[] { "{\"x\":1}", "{\"y\":2}" }));
        Assert.That(Lines("print d = dynamic({'x': 1}) | mv-expand kind=array d"), Is.EqualTo(new[] { "[\"x\",1]" }));
        Assert.That(Lines("print d = dynamic(['a', 'b']) | mv-expand with_itemindex=i e = d to typeof(string) | project e, i"),
            Is.EqualTo(new[] { "a|0", "b|1" }));
    }

    [Test]
    public void Mv_apply_runs_the_subquery_per_row()
    {
        var lines = Lines("""
            datatable(id:long, xs:dynamic)[1, dynamic([3, 1, 2]), 2, dynamic([5])]
            | mv-apply x = xs to typeof(long) on (summarize m = max(x))
            | project id, m
            """);
        Assert.That(lines, Is.EqualTo(new[] { "1|3", "2|5" }));
        Assert.That(Lines("""
            datatable(id:long, xs:dynamic)[1, dynamic(["a", "b", "c"])]
            | mv-apply with_itemindex = i x = xs to typeof(string) on (where i > 0 | summarize s = make_list(x))
            | project id, s
            """), Is.EqualTo(new[] { "1|[\"b\",\"c\"]" }));
    }

    [Test]
    public void Mv_apply_with_itemindex_gives_the_subquery_each_elements_position()
    {
        // The AIConversationTurns parser finds the last assistant message of a request this way.
        var lines = Lines("""
            datatable(id:long, xs:dynamic)[1, dynamic(['user', 'assistant', 'user']), 2, dynamic(['user'])]
            | mv-apply with_itemindex = Position x = xs to typeof(string) on (summarize Last = maxif(Position, x == 'assistant'), Users = countif(x == 'user'))
            | project id, Last, Users
            """);
        Assert.That(lines, Is.EqualTo(new[] { "1|1|2", "2|null|1" }));
    }

    [Test]
    public void Parse_simple_regex_and_where()
    {
        const string data = "let T = datatable(s:string)[\"user=alice id=42\", \"garbage\"];";
        Assert.That(Lines(data + "T | parse s with \"user=\" user \" id=\" id:long | project user, id"), Is.EqualTo(new[] { "alice|42", "|null" }));
        Assert.That(Lines(data + "T | parse-where s with * \"id=\" id:long | project id"), Is.EqualTo(new[] { "42" }));
        Assert.That(Lines(data + "T | parse kind=regex s with @\"user=\" user @\"\\s+id=\" id:long | project user, id | take 1"), Is.EqualTo(new[] { "alice|42" }));
    }

    [Test]
    public void Make_series_fills_missing_bins_with_default()
    {
        var lines = Lines(Events + """
            Events
            | make-series n = count() default = 0 on At from datetime(2026-03-01 10:00) to datetime(2026-03-01 13:00) step 1h by User
            | sort by User asc
            | project User, n
            """);
        Assert.That(lines, Is.EqualTo(new[] { "alice|[1,1,0]", "bob|[1,0,0]", "carol|[0,1,0]" }));
    }

    [Test]
    public void Range_and_top_and_distinct()
    {
        Assert.That(Lines("range x from 1 to 5 step 2"), Is.EqualTo(new[] { "1", "3", "5" }));
        Assert.That(Lines(Events + "Events | top 2 by Count"), Has.Count.EqualTo(2));
        Assert.That(Lines(Events + "Events | top 2 by Count | project Count"), Is.EqualTo(new[] { "4", "3" }));
        Assert.That(Lines(Events + "Events | distinct User | sort by User asc"), Is.EqualTo(new[] { "alice", "bob", "carol" }));
        Assert.That(Lines(Events + "Events | count"), Is.EqualTo(new[] { "4" }));
    }

    [Test]
    public void Project_variants()
    {
        Assert.That(Run(Events + "Events | project-away Count, At").Schema.Columns.Select(c => c.Name), Is.EqualTo(new[] { "User", "Action" }));
        Assert.That(Run(Events + "Events | project-keep A*").Schema.Columns.Select(c => c.Name), Is.EqualTo(new[] { "Action", "At" }));
        Assert.That(Run(Events + "Events | project-rename Who = User").Schema.Columns.Select(c => c.Name), Is.EqualTo(new[] { "Who", "Action", "Count", "At" }));
        Assert.That(Run(Events + "Events | project-reorder At, Count").Schema.Columns.Select(c => c.Name), Is.EqualTo(new[] { "At", "Count", "User", "Action" }));
    }

    [Test]
    public void Summarize_expressions_over_aggregates_and_arg_max()
    {
        Assert.That(Lines(Events + "Events | summarize ratio = todouble(sum(Count)) / count()"), Is.EqualTo(new[] { "2.5" }));
        Assert.That(Lines(Events + "Events | summarize arg_max(At, Action) by User | sort by User asc"),
            Is.EqualTo(new[] { "alice|2026-03-01T11:10:00Z|read", "bob|2026-03-01T10:30:00Z|login", "carol|2026-03-01T11:20:00Z|write" }));
        Assert.That(Run(Events + "Events | summarize arg_max(At, *) by User").Schema.Columns.Select(c => c.Name),
            Is.EqualTo(new[] { "User", "At", "Action", "Count" }));
    }

    [Test]
    public void Window_functions_over_sorted_rows()
    {
        Assert.That(Lines("range x from 1 to 5 step 1 | sort by x asc | extend rn = row_number(), p = prev(x), n = next(x, 2, -1), c = row_cumsum(x), r = row_number(10, x == 3)"),
            Is.EqualTo(new[] { "1|1|null|3|1|10", "2|2|1|4|3|11", "3|3|2|5|6|10", "4|4|3|-1|10|11", "5|5|4|-1|15|12" }));
    }

    [Test]
    public void Materialize_and_toscalar()
    {
        Assert.That(Lines(Events + "let m = materialize(Events | where Count > 1); let n = toscalar(m | count); m | summarize c = count() | extend same = c == n"),
            Is.EqualTo(new[] { "3|true" }));
    }

    [Test]
    public void Several_column_functions_bare_and_with_tuple_assignment()
    {
        Assert.That(Run("print x = dynamic([1,2,3,10]) | extend series_stats(x)").Schema.Columns.Select(c => c.Name),
            Is.EqualTo(new[] { "x", "series_stats_x_min", "series_stats_x_min_idx", "series_stats_x_max", "series_stats_x_max_idx", "series_stats_x_avg", "series_stats_x_stdev", "series_stats_x_variance" }));
        Assert.That(Lines("print x = dynamic([1,2,3,10]) | project (lo, at, hi) = series_stats(x) | project lo, at, hi"), Is.EqualTo(new[] { "1|0|10" }));
        var refused = Compile("print x = dynamic([1,2,3]) | extend (a, b) = series_fit_2lines(x)");
        Assert.That(refused.Success, Is.False);
        Assert.That(refused.Diagnostics.Single().Message, Does.Contain("series_fit_2lines"));
    }

    [Test]
    public void Deprecated_argmin_and_toscalar_of_a_scalar()
    {
        Assert.That(Lines("datatable(k:string, t:long, v:string)['a',1,'x','a',0,'y','b',5,'z'] | summarize argmin(t, v) by k | sort by k asc"),
            Is.EqualTo(new[] { "a|0|y", "b|5|z" }));
        Assert.That(Lines("let d = datatable(s:string)['Any']; print toscalar('x' in (d) or 'Any' in (d)), toscalar(1 + 2)"), Is.EqualTo(new[] { "true|3" }));
    }
}
