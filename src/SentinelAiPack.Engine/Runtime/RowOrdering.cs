namespace SentinelAiPack.Engine.Runtime;

/// <summary>One sort key: a column, its direction and where nulls go.</summary>
public readonly record struct SortKey(Column Column, bool Descending, bool NullsFirst);

/// <summary>
/// Orders row indexes by sort keys the way Kusto's sort does (learn.microsoft.com/kusto/query/sort-operator):
/// nulls (and NaN) grouped at the start or end, strings ordinally. Ties keep input order (stable).
/// </summary>
public static class RowOrdering
{
    public static int[] Sort(int rowCount, IReadOnlyList<SortKey> keys)
    {
        var rows = new int[rowCount];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }
        var comparers = keys.Select(Comparer).ToArray();
        Array.Sort(rows, (a, b) =>
        {
            foreach (var compare in comparers)
            {
                var c = compare(a, b);
                if (c != 0)
                {
                    return c;
                }
            }
            return a.CompareTo(b);
        });
        return rows;
    }

    /// <summary>The first <paramref name="count"/> rows in key order, without sorting everything.</summary>
    public static int[] Top(int rowCount, IReadOnlyList<SortKey> keys, long count)
    {
        if (count >= rowCount)
        {
            return Sort(rowCount, keys);
        }
        var comparers = keys.Select(Comparer).ToArray();
        int Compare(int a, int b)
        {
            foreach (var compare in comparers)
            {
                var c = compare(a, b);
                if (c != 0)
                {
                    return c;
                }
            }
            return a.CompareTo(b);
        }
        // A max-heap of the best rows so far: the root is the worst kept row.
        var heap = new PriorityQueue<int, int>(Comparer<int>.Create((a, b) => Compare(b, a)));
        for (var row = 0; row < rowCount; row++)
        {
            if (heap.Count < count)
            {
                heap.Enqueue(row, row);
            }
            else if (Compare(row, heap.Peek()) < 0)
            {
                heap.DequeueEnqueue(row, row);
            }
        }
        var result = new int[heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            result[i] = heap.Dequeue();
        }
        return result;
    }

    private static Comparison<int> Comparer(SortKey key)
    {
        var direction = key.Descending ? -1 : 1;
        var nullOrder = key.NullsFirst ? -1 : 1;
        int WithNulls(bool aNull, bool bNull, Func<int> compare)
        {
            if (aNull || bNull)
            {
                return aNull == bNull ? 0 : aNull ? nullOrder : -nullOrder;
            }
            return direction * compare();
        }
        switch (key.Column)
        {
            case Column<long> longs:
                return (a, b) => WithNulls(longs.IsNull(a), longs.IsNull(b), () => longs[a].CompareTo(longs[b]));
            case Column<double> reals:
                return (a, b) => WithNulls(reals.IsNull(a) || double.IsNaN(reals[a]), reals.IsNull(b) || double.IsNaN(reals[b]),
                    () => reals[a].CompareTo(reals[b]));
            case Column<string> strings:
                return (a, b) => direction * string.CompareOrdinal(strings[a], strings[b]);
            default:
                var column = key.Column;
                return (a, b) =>
                {
                    var x = column.GetValue(a);
                    var y = column.GetValue(b);
                    return WithNulls(x is null, y is null, () => ValueComparer.Instance.Compare(x, y));
                };
        }
    }
}
