namespace SentinelAiPack.Cli.Infrastructure;

/// <summary>
/// Services commands use, created on first use and disposed with the run. Tests replace individual
/// factories to inject fakes (e.g. HTTP handlers for Azure endpoints).
/// </summary>
public sealed class CliServices : IAsyncDisposable
{
    private readonly List<object> _created = [];

    /// <summary>Returns the service created by <paramref name="factory"/> once per run.</summary>
    public T GetOrCreate<T>(Func<T> factory) where T : class
    {
        lock (_created)
        {
            var existing = _created.OfType<T>().FirstOrDefault();
            if (existing is not null)
            {
                return existing;
            }
            var created = factory();
            _created.Add(created);
            return created;
        }
    }

    /// <summary>Registers a ready-made service (tests).</summary>
    public CliServices With<T>(T service) where T : class
    {
        lock (_created)
        {
            _created.Add(service);
        }
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _created)
        {
            switch (service)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
        _created.Clear();
    }
}
