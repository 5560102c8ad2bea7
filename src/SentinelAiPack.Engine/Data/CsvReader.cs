using System.Text;

namespace SentinelAiPack.Engine.Data;

/// <summary>Reads RFC 4180 CSV (quoted fields may hold commas, quotes and newlines) record by record.</summary>
public static class CsvReader
{
    public static IEnumerable<List<string>> Records(TextReader reader, char separator = ',')
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int next;
        while ((next = reader.Read()) >= 0)
        {
            var c = (char)next;
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }
                record.Add(field.ToString());
                field.Clear();
                if (!(record.Count == 1 && record[0].Length == 0))
                {
                    yield return record;
                }
                record = [];
                any = false;
            }
            else
            {
                field.Append(c);
            }
        }
        if (any)
        {
            record.Add(field.ToString());
            if (!(record.Count == 1 && record[0].Length == 0))
            {
                yield return record;
            }
        }
    }
}
