using System.Runtime.InteropServices;

namespace SentinelAiPack.Engine.Runtime.Grouping;

/// <summary>
/// Assigns group ids to rows by their key columns. Each key column is dictionary-encoded to dense ids; several
/// keys combine pairwise ((group so far, next id) → group), so no per-row key objects are allocated.
/// </summary>
internal sealed class Grouper
{
    private readonly KeyEncoder[] _encoders;
    private readonly Dictionary<(int, int), int>[] _pairs;
    private readonly List<int>[] _keyIds;    // per key column: the encoder id for each group
    private int _groupCount;

    public Grouper(IReadOnlyList<ScalarKind> keyKinds, bool caseInsensitiveStrings = false)
    {
        _encoders = keyKinds.Select(k => KeyEncoder.Create(k, caseInsensitiveStrings)).ToArray();
        _pairs = Enumerable.Range(0, Math.Max(0, _encoders.Length - 1)).Select(_ => new Dictionary<(int, int), int>()).ToArray();
        _keyIds = _encoders.Select(_ => new List<int>()).ToArray();
    }

    public int KeyCount => _encoders.Length;

    /// <summary>Number of groups so far (1 when there are no keys and rows were seen).</summary>
    public int GroupCount => _encoders.Length == 0 ? _groupCount : _keyIds[0].Count;

    /// <summary>Writes each row's group id to <paramref name="groups"/>.</summary>
    public void Assign(IReadOnlyList<Column> keys, int count, Span<int> groups)
    {
        if (_encoders.Length == 0)
        {
            groups[..count].Clear();
            _groupCount = count > 0 ? 1 : _groupCount;
            return;
        }
        if (_encoders.Length == 1)
        {
            _encoders[0].Encode(keys[0], groups[..count]);
            var ids = _keyIds[0];
            for (var i = ids.Count; i < _encoders[0].Count; i++)
            {
                ids.Add(i);
            }
            return;
        }
        var columnIds = new int[_encoders.Length][];
        for (var k = 0; k < _encoders.Length; k++)
        {
            columnIds[k] = new int[count];
            _encoders[k].Encode(keys[k], columnIds[k]);
        }
        for (var row = 0; row < count; row++)
        {
            var current = columnIds[0][row];
            for (var k = 1; k < _encoders.Length; k++)
            {
                var next = columnIds[k][row];
                ref var combined = ref CollectionsMarshal.GetValueRefOrAddDefault(_pairs[k - 1], (current, next), out var exists);
                if (!exists)
                {
                    combined = _pairs[k - 1].Count - 1;
                    if (k == _encoders.Length - 1)
                    {
                        // A new final group: remember each key column's id for output.
                        for (var c = 0; c < _encoders.Length; c++)
                        {
                            _keyIds[c].Add(columnIds[c][row]);
                        }
                    }
                }
                current = combined;
            }
            groups[row] = current;
        }
    }

    /// <summary>The key columns, one value per group in group-id order.</summary>
    public IReadOnlyList<Column> KeyColumns()
    {
        var columns = new Column[_encoders.Length];
        for (var k = 0; k < _encoders.Length; k++)
        {
            columns[k] = _encoders[k].Values(CollectionsMarshal.AsSpan(_keyIds[k]));
        }
        return columns;
    }
}
