using System.Diagnostics;
using System.Text;

namespace SentinelAiPack.Kql.Hosting;

/// <summary>
/// Out-of-process host: a <c>node</c> child runs <c>Shim/node-host.js</c> with the same bundle and shim and answers
/// newline-delimited requests. A child that dies fails the call in progress with a clear error and is restarted
/// (with a new <see cref="Incarnation"/>) on the next call.
/// </summary>
public sealed class NodeKqlScriptHost : IKqlScriptHost
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly KustoBundle _bundle;
    private readonly string? _codeCacheDirectory;
    private readonly string _nodeExecutable;
    private readonly StringBuilder _stderrTail = new();
    private Process? _process;
    private int _incarnation;
    private bool _disposed;

    /// <param name="bundle">The bundle and shim to load.</param>
    /// <param name="codeCacheDirectory">Where node keeps its compiled-code cache; null disables it.</param>
    /// <param name="nodeExecutable">The node binary; defaults to <c>AIPACK_NODE</c> or <c>node</c> on the PATH.</param>
    public NodeKqlScriptHost(KustoBundle bundle, string? codeCacheDirectory = null, string? nodeExecutable = null)
    {
        bundle.EnsureExists();
        _bundle = bundle;
        _codeCacheDirectory = codeCacheDirectory;
        _nodeExecutable = nodeExecutable ?? Environment.GetEnvironmentVariable("AIPACK_NODE") ?? "node";
        Start();
    }

    public KqlHostKind Kind => KqlHostKind.Node;

    public int Incarnation => _incarnation;

    /// <summary>The child's process id (for diagnostics and tests), or null while no child runs.</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    public string Call(string method, string requestJson, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (method.AsSpan().IndexOfAny("\t\r\n") >= 0)
        {
            throw new KqlHostException($"Invalid shim method name '{method}'.");
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (_process is null || _process.HasExited)
        {
            Restart();
        }
        var process = _process!;
        // Newlines may only be whitespace between JSON tokens (inside strings they are escaped), so flattening
        // them keeps any valid request intact and the protocol one line per request.
        var line = method + "\t" + requestJson.Replace('\r', ' ').Replace('\n', ' ');
        using var kill = cancellationToken.CanBeCanceled ? cancellationToken.Register(() => Kill(process)) : default;
        string? envelope;
        try
        {
            process.StandardInput.Write(line);
            process.StandardInput.Write('\n');
            process.StandardInput.Flush();
            envelope = process.StandardOutput.ReadLine();
        }
        catch (IOException e)
        {
            envelope = null;
            if (!cancellationToken.IsCancellationRequested)
            {
                throw Died(process, e);
            }
        }
        if (cancellationToken.IsCancellationRequested)
        {
            Kill(process);
            throw new OperationCanceledException("The KQL analysis was cancelled.", cancellationToken);
        }
        if (envelope is null)
        {
            throw Died(process, null);
        }
        return ScriptResponse.Unwrap(method, envelope);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_process is { } process)
        {
            Kill(process);
            process.Dispose();
        }
    }

    private void Restart()
    {
        if (_process is { } old)
        {
            Kill(old);
            old.Dispose();
        }
        _incarnation++;
        Start();
    }

    private void Start()
    {
        var start = new ProcessStartInfo(_nodeExecutable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        start.ArgumentList.Add(_bundle.NodeHostScript);
        start.ArgumentList.Add(_bundle.Directory);
        if (_codeCacheDirectory is not null)
        {
            start.ArgumentList.Add(_codeCacheDirectory);
        }
        lock (_stderrTail)
        {
            _stderrTail.Clear();
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new KqlHostException($"Could not start '{_nodeExecutable}'.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new KqlHostException($"Could not start Node.js ('{_nodeExecutable}'): {e.Message}. Install Node.js 18+ or set AIPACK_NODE.", e);
        }
        process.ErrorDataReceived += (_, e) => KeepStderr(e.Data);
        process.BeginErrorReadLine();
        _process = process;

        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(StartTimeout) || ready.Result is not { } line || !line.Contains("\"ready\"", StringComparison.Ordinal))
        {
            var problem = Died(process, null);
            Kill(process);
            throw problem;
        }
    }

    private void KeepStderr(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_stderrTail)
        {
            _stderrTail.AppendLine(line);
            if (_stderrTail.Length > 4000)
            {
                _stderrTail.Remove(0, _stderrTail.Length - 4000);
            }
        }
    }

    private KqlHostException Died(Process process, Exception? inner)
    {
        process.WaitForExit(2000);
        string stderr;
        lock (_stderrTail)
        {
            stderr = _stderrTail.ToString().Trim();
        }
        var exit = process.HasExited ? $"exited with code {process.ExitCode}" : "stopped answering";
        var detail = stderr.Length == 0 ? "" : ": " + (stderr.Length > 1000 ? stderr[^1000..] : stderr);
        return new KqlHostException($"The node KQL host {exit}{detail}. It is restarted on the next call.", inner);
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }
}
