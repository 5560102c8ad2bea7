using System.Runtime.InteropServices;
using SentinelAiPack.Engine.Plan.Scalars;
using SentinelAiPack.Engine.Runtime;
using SentinelAiPack.Engine.Runtime.Grouping;

namespace SentinelAiPack.Engine.Plan.Tabular;

internal enum JoinKind
{
    InnerUnique,
    Inner,
    LeftOuter,
    RightOuter,
    FullOuter,
    LeftSemi,
    LeftAnti,
    RightSemi,
    RightAnti,
}

/// <summary>An output column of a join: which side it comes from and its index there.</summary>
internal readonly record struct JoinColumn(bool FromRight, int Index);

/// <summary>
/// Hash join (learn.microsoft.com/kusto/query/join-operator): the right side is hashed by its keys, the left side
/// probes. innerunique (the default) first keeps one left row per key. Rows whose key has a null never match.
/// Output: matched pairs in left order, then (fullouter/rightouter) unmatched right rows.
/// </summary>
internal sealed class JoinPlan(
    TabularPlan left,
    TabularPlan right,
    JoinKind kind,
    IReadOnlyList<ScalarExpr> leftKeys,
    IReadOnlyList<ScalarExpr> rightKeys,
    IReadOnlyList<JoinColumn> output,
    RowSchema schema) : TabularPlan(schema)
{
    public override Table Execute(RunState run)
    {
        var leftTable = left.Execute(run);
        var rightTable = right.Execute(run);
        var grouper = new Grouper(leftKeys.Select(k => k.Kind).ToArray());
        var rightGroups = Assign(grouper, rightKeys, rightTable, run);
        var groupCount = grouper.GroupCount;

        // Chains of right rows per key: head[group] → next[row] → ... → -1.
        var head = new int[groupCount];
        Array.Fill(head, -1);
        var next = new int[rightTable.RowCount];
        for (var row = rightTable.RowCount - 1; row >= 0; row--)
        {
            var g = rightGroups[row];
            if (g >= 0)
            {
                next[row] = head[g];
                head[g] = row;
            }
        }

        var leftGroups = Assign(grouper, leftKeys, leftTable, run);
        var expected = Math.Max(leftTable.RowCount, rightTable.RowCount);
        var leftRows = new List<int>(expected);
        var rightRows = new List<int>(kind is JoinKind.LeftSemi or JoinKind.LeftAnti ? 0 : expected);
        var rightMatched = new bool[rightTable.RowCount];
        var seenLeftKey = kind == JoinKind.InnerUnique ? new bool[grouper.GroupCount] : null;
        for (var row = 0; row < leftTable.RowCount; row++)
        {
            var g = leftGroups[row];
            var first = g >= 0 && g < groupCount ? head[g] : -1;
            switch (kind)
            {
                case JoinKind.InnerUnique:
                    if (g < 0 || seenLeftKey![g])
                    {
                        continue;
                    }
                    seenLeftKey[g] = true;
                    goto case JoinKind.Inner;
                case JoinKind.Inner:
                case JoinKind.RightSemi:
                case JoinKind.RightAnti:
                case JoinKind.RightOuter:
                    for (var r = first; r >= 0; r = next[r])
                    {
                        rightMatched[r] = true;
                        if (kind is JoinKind.Inner or JoinKind.InnerUnique or JoinKind.RightOuter)
                        {
                            leftRows.Add(row);
                            rightRows.Add(r);
                        }
                    }
                    break;
                case JoinKind.LeftOuter:
                case JoinKind.FullOuter:
                    if (first < 0)
                    {
                        leftRows.Add(row);
                        rightRows.Add(-1);
                    }
                    for (var r = first; r >= 0; r = next[r])
                    {
                        rightMatched[r] = true;
                        leftRows.Add(row);
                        rightRows.Add(r);
                    }
                    break;
                case JoinKind.LeftSemi:
                    if (first >= 0)
                    {
                        leftRows.Add(row);
                    }
                    break;
                case JoinKind.LeftAnti:
                    if (first < 0)
                    {
                        leftRows.Add(row);
                    }
                    break;
            }
            if ((leftRows.Count & 0xFFFF) == 0)
            {
                run.CheckRows(leftRows.Count);
            }
        }
        if (kind is JoinKind.RightOuter or JoinKind.FullOuter or JoinKind.RightSemi or JoinKind.RightAnti)
        {
            var wantMatched = kind == JoinKind.RightSemi;
            for (var r = 0; r < rightTable.RowCount; r++)
            {
                var include = kind is JoinKind.RightOuter or JoinKind.FullOuter ? !rightMatched[r] : rightMatched[r] == wantMatched;
                if (include)
                {
                    leftRows.Add(-1);
                    rightRows.Add(r);
                }
            }
        }
        run.CheckRows(leftRows.Count);
        // Output columns are gathered when a later operator reads them (a count after a join reads none).
        var columns = output.Select((o, i) => (Func<Column>)(() => ColumnFactory.Convert(o.FromRight
            ? rightTable.Column(o.Index).GatherOrNull(CollectionsMarshal.AsSpan(rightRows))
            : leftTable.Column(o.Index).GatherOrNull(CollectionsMarshal.AsSpan(leftRows)), Schema[i].Kind))).ToArray();
        return new Table(Schema, leftRows.Count, columns);
    }

    /// <summary>Group ids of each row's key (-1 when a key part is null).</summary>
    private static int[] Assign(Grouper grouper, IReadOnlyList<ScalarExpr> keys, Table table, RunState run)
    {
        var ids = new int[table.RowCount];
        var keyColumns = new Column[keys.Count];
        foreach (var batch in Batch.Over(table, run))
        {
            for (var k = 0; k < keys.Count; k++)
            {
                keyColumns[k] = keys[k].Evaluate(batch);
            }
            var span = ids.AsSpan(batch.Start, batch.Count);
            grouper.Assign(keyColumns, batch.Count, span);
            for (var i = 0; i < batch.Count; i++)
            {
                foreach (var key in keyColumns)
                {
                    if (key.IsNull(i))
                    {
                        span[i] = -1;
                        break;
                    }
                }
            }
        }
        return ids;
    }
}
