using SentinelAiPack.Content.Yaml;
using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Testing;

/// <summary>Checks a case's output against its expectations; returns the first reason it fails, or null.</summary>
internal static class CaseChecker
{
    public static string? Check(RuleTestCase testCase, Table output, IReadOnlyList<(string Column, string Purpose)> required)
    {
        var rows = output.RowCount;
        if (testCase.Expect == Expectation.Fires && rows == 0)
        {
            return "expected the rule to fire, got 0 rows";
        }
        if (testCase.Expect == Expectation.Silent && rows > 0)
        {
            return $"expected silence, got {rows} row(s); first: {Preview(output, 0)}";
        }
        if (testCase.Rows is { } expectedRows && rows != expectedRows)
        {
            return $"expected {expectedRows} row(s), got {rows}";
        }
        if (testCase.Columns.Count > 0)
        {
            foreach (var name in testCase.Columns.Keys.Where(n => !output.Schema.Contains(n)))
            {
                return $"column '{name}' is not in the output (columns: {string.Join(", ", output.Schema.Columns.Select(c => c.Name))})";
            }
            var matches = Enumerable.Range(0, rows).Any(r => testCase.Columns.All(kv => Matches(output, r, kv.Key, kv.Value)));
            if (!matches)
            {
                var wanted = string.Join(", ", testCase.Columns.Select(kv => $"{kv.Key}: {Expected(kv.Value)}"));
                var actual = rows == 0 ? "no rows" : string.Join("; ", Enumerable.Range(0, Math.Min(rows, 3))
                    .Select(r => "{" + string.Join(", ", testCase.Columns.Keys.Select(k => $"{k}: {Show(output.GetValue(r, output.Schema.IndexOf(k)))}")) + "}"));
                return $"column mismatch: no output row has {{{wanted}}}; got {actual}";
            }
        }
        if (testCase.Expect == Expectation.Fires)
        {
            foreach (var unknown in testCase.AllowEmpty.Where(c => !required.Any(r => r.Column == c)))
            {
                return $"allowEmpty lists '{unknown}', which no entity mapping, custom detail or alert detail reads (they read: {string.Join(", ", required.Select(r => r.Column).Distinct())})";
            }
            foreach (var (column, purpose) in required.Where(r => !testCase.AllowEmpty.Contains(r.Column)))
            {
                var index = output.Schema.IndexOf(column);
                if (index < 0)
                {
                    return $"{purpose} column '{column}' is not in the output";
                }
                for (var r = 0; r < rows; r++)
                {
                    if (IsEmpty(output.GetValue(r, index)))
                    {
                        return $"empty {purpose} column '{column}' in output row {r + 1}: {Preview(output, r)}";
                    }
                }
            }
        }
        return null;
    }

    private static bool IsEmpty(object? value) => value is null || (value is string s && s.Length == 0);

    private static bool Matches(Table output, int row, string column, YamlNode expected)
    {
        var index = output.Schema.IndexOf(column);
        var kind = output.Schema[index].Kind;
        var actual = output.GetValue(row, index);
        var wanted = YamlValues.ToValue(expected, kind);
        if (wanted is null)
        {
            return IsEmpty(actual);
        }
        if (kind == ScalarKind.Dynamic)
        {
            if (actual is DynArray or DynBag || wanted is DynArray or DynBag)
            {
                var wantedDynamic = wanted is string text && Dyn.TryParseJson(text, out var parsed) ? parsed : wanted;
                return Dyn.Equals(actual, Dyn.FromValue(wantedDynamic));
            }
            return Values.ToKustoString(actual) == Values.ToKustoString(wanted);
        }
        var converted = Values.ConvertTo(wanted, kind);
        return converted is not null && ValueComparer.Instance.Equals(actual, converted);
    }

    private static string Expected(YamlNode node) => node is YamlScalar s ? s.Value : Dyn.ToJson(YamlValues.ToValue(node));

    private static string Show(object? value) => value is null ? "null" : Values.ToKustoString(value);

    /// <summary>A short rendering of one output row for messages (long values cut).</summary>
    public static string Preview(Table output, int row)
    {
        var parts = output.Schema.Columns.Select((c, i) =>
        {
            var text = Show(output.GetValue(row, i));
            return $"{c.Name}={(text.Length > 60 ? text[..57] + "..." : text)}";
        });
        var line = "{" + string.Join(", ", parts) + "}";
        return line.Length > 400 ? line[..397] + "...}" : line;
    }
}
