namespace SentinelAiPack.Azure.Ingestion;

/// <summary>
/// Packs serialised rows into JSON-array bodies of at most <c>maxBytes</c> (brackets and commas included), in order.
/// </summary>
internal static class IngestionBatcher
{
    public static IEnumerable<(byte[] Body, int Rows)> Pack(IEnumerable<byte[]> rows, int maxBytes)
    {
        var buffer = new MemoryStream();
        var count = 0;
        var index = 0;
        foreach (var row in rows)
        {
            if (row.Length + 2 > maxBytes)
            {
                throw new ArgumentException($"Row {index} serialises to {row.Length} bytes; one call accepts at most {maxBytes}.", nameof(rows));
            }

            // Current size + comma + row + closing bracket must fit.
            if (count > 0 && buffer.Length + 1 + row.Length + 1 > maxBytes)
            {
                yield return Close(buffer, count);
                buffer = new MemoryStream();
                count = 0;
            }

            buffer.WriteByte(count == 0 ? (byte)'[' : (byte)',');
            buffer.Write(row);
            count++;
            index++;
        }

        if (count > 0)
        {
            yield return Close(buffer, count);
        }
    }

    private static (byte[] Body, int Rows) Close(MemoryStream buffer, int count)
    {
        buffer.WriteByte((byte)']');
        return (buffer.ToArray(), count);
    }
}
