using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Data;

/// <summary>
/// Where <c>externaldata</c> reads from. The engine never fetches URLs: the caller supplies a local copy per URI
/// (<c>aipack run --data DIR</c> maps a URI to the file named like its last path segment; tests list rows per URI).
/// </summary>
public interface IExternalDataSource
{
    /// <summary>The rows for <paramref name="uri"/> in <paramref name="schema"/>, or null when there is no local copy.</summary>
    Table? Read(string uri, RowSchema schema, TableFormat format);
}

/// <summary>Local copies in a folder, found by the URI's file name (query string and fragment ignored).</summary>
public sealed class FolderExternalData(string folder) : IExternalDataSource
{
    public Table? Read(string uri, RowSchema schema, TableFormat format)
    {
        var path = Path.Combine(folder, FileName(uri));
        if (!File.Exists(path))
        {
            return null;
        }
        using var reader = new StreamReader(path);
        try
        {
            return TableReader.Read(reader, format, schema);
        }
        catch (InvalidDataException e)
        {
            throw new EngineRuntimeException($"externaldata copy '{path}': {e.Message}");
        }
    }

    /// <summary>The file name a URI's local copy has: its last path segment.</summary>
    public static string FileName(string uri)
    {
        var text = uri.Split('?', '#')[0].TrimEnd('/');
        var slash = text.LastIndexOf('/');
        return slash >= 0 ? text[(slash + 1)..] : text;
    }
}

/// <summary>Local copies given as tables by URI (rule tests).</summary>
public sealed class InMemoryExternalData(IReadOnlyDictionary<string, Table> tables) : IExternalDataSource
{
    public Table? Read(string uri, RowSchema schema, TableFormat format) =>
        tables.TryGetValue(uri, out var table) ? Plan.Tabular.TableConform.To(table, schema) : null;
}
