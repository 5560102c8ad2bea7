using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Plan.Tabular;

/// <summary>Fits the columns of given data to the schema a query was analyzed with.</summary>
internal static class TableConform
{
    /// <summary>Selects, orders and converts <paramref name="data"/>'s columns to <paramref name="schema"/>.</summary>
    public static Table To(Table data, RowSchema schema)
    {
        if (SameSchema(data.Schema, schema))
        {
            return data;
        }
        var sources = new Func<Column>[schema.Count];
        for (var i = 0; i < schema.Count; i++)
        {
            var target = schema[i];
            var index = data.Schema.IndexOf(target.Name);
            if (index < 0)
            {
                var rows = data.RowCount;
                sources[i] = () => ColumnFactory.Nulls(target.Kind, rows);
            }
            else
            {
                var source = data.ColumnSource(index);
                sources[i] = () => ColumnFactory.Convert(source(), target.Kind);
            }
        }
        return new Table(schema, data.RowCount, sources);
    }

    private static bool SameSchema(RowSchema a, RowSchema b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }
        return true;
    }
}
