namespace SentinelAiPack.Kql.Hosting;

/// <summary>The JavaScript engine behind an <see cref="IKqlScriptHost"/>.</summary>
public enum KqlHostKind
{
    /// <summary>ClearScript V8 in this process (fastest; needs the platform's V8 native library).</summary>
    V8,

    /// <summary>A <c>node</c> child process running the same bundle and shim (works wherever Node.js is installed).</summary>
    Node,
}
