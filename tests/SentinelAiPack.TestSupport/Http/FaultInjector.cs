namespace SentinelAiPack.TestSupport.Http;

/// <summary>
/// Faults for the next requests, in order. Each queued fault applies to one request whose path contains the
/// optional filter; requests that match no queued fault are served normally.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<(Fault Fault, string? PathContains)> _queue = [];

    /// <summary>Injects <paramref name="fault"/> into the next <paramref name="count"/> matching requests.</summary>
    public FaultInjector Next(int count, Fault fault, string? pathContains = null)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _queue.Add((fault, pathContains));
            }
        }

        return this;
    }

    /// <summary>Faults still waiting for a request.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Removes every pending fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
        }
    }

    internal Fault? Take(string path)
    {
        lock (_gate)
        {
            var index = _queue.FindIndex(f => f.PathContains is null || path.Contains(f.PathContains, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return null;
            }

            var fault = _queue[index].Fault;
            _queue.RemoveAt(index);
            return fault;
        }
    }
}
