using SentinelAiPack.Engine.Runtime;

namespace SentinelAiPack.Engine.Functions.Aggregates;

/// <summary>
/// make_list / make_set / make_bag and their -if forms: a dynamic array (or bag) per group, in input order,
/// nulls ignored, capped at maxSize. make_set adds an array's elements; make_bag merges property bags.
/// </summary>
internal sealed class CollectAggregator(CollectAggregator.Mode mode, bool conditional, int maxSize) : Aggregator
{
    public enum Mode
    {
        List,
        Set,
        Bag,
    }

    private List<object?>?[] _lists = [];
    private HashSet<object?>?[] _sets = [];
    private Dictionary<string, object?>?[] _bags = [];
    private List<string>?[] _bagOrder = [];

    public override void Add(ReadOnlySpan<int> groups, IReadOnlyList<Column> args, int rowStart)
    {
        var count = MaxGroup(groups);
        Ensure(ref _lists, count);
        Ensure(ref _sets, count);
        Ensure(ref _bags, count);
        Ensure(ref _bagOrder, count);
        var column = args[0];
        var predicate = conditional ? args[^1] : null;
        for (var i = 0; i < groups.Length; i++)
        {
            if (!Passes(predicate, i))
            {
                continue;
            }
            var value = Dyn.FromValue(column.GetValue(i));
            if (value is null)
            {
                continue;
            }
            var g = groups[i];
            switch (mode)
            {
                case Mode.List:
                    var list = _lists[g] ??= [];
                    if (list.Count < maxSize)
                    {
                        list.Add(value);
                    }
                    break;
                case Mode.Set:
                    foreach (var item in value is DynArray array ? (IEnumerable<object?>)array : [value])
                    {
                        AddToSet(g, item);
                    }
                    break;
                case Mode.Bag when value is DynBag bag:
                    var target = _bags[g] ??= new Dictionary<string, object?>(StringComparer.Ordinal);
                    var order = _bagOrder[g] ??= [];
                    foreach (var (key, item) in bag)
                    {
                        if (target.TryAdd(key, item))
                        {
                            order.Add(key);
                        }
                    }
                    break;
            }
        }
    }

    private void AddToSet(int g, object? item)
    {
        if (item is null)
        {
            return;
        }
        var set = _sets[g] ??= new HashSet<object?>(Dyn.Comparer);
        var list = _lists[g] ??= [];
        if (list.Count < maxSize && set.Add(item))
        {
            list.Add(item);
        }
    }

    public override IReadOnlyList<Column> Results(int groupCount, Table input)
    {
        Ensure(ref _lists, groupCount);
        Ensure(ref _bags, groupCount);
        Ensure(ref _bagOrder, groupCount);
        var values = new object?[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            if (mode == Mode.Bag)
            {
                var bag = _bags[g];
                values[g] = bag is null ? DynBag.Empty : new DynBag(_bagOrder[g]!.Select(k => new KeyValuePair<string, object?>(k, bag[k])));
            }
            else
            {
                values[g] = _lists[g] is { } list ? new DynArray(list.ToArray()) : DynArray.Empty;
            }
        }
        return [new Column<object?>(ScalarKind.Dynamic, values)];
    }
}
