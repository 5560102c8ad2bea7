namespace SentinelAiPack.TestSupport.Http;

/// <summary>A failure the server injects into one response.</summary>
public abstract record Fault
{
    /// <summary>429 with <c>Retry-After: seconds</c> and a throttling error body.</summary>
    public static Fault Throttle(int retryAfterSeconds) => new ThrottleFault(retryAfterSeconds);

    /// <summary>A 5xx with an error body.</summary>
    public static Fault ServerError(int status = 503) => new ServerErrorFault(status);

    /// <summary>Waits (real time) before answering normally; a client timeout shorter than this sees no answer.</summary>
    public static Fault Delay(TimeSpan delay) => new DelayFault(delay);

    /// <summary>Answers normally but cuts the JSON body in half (well-formed HTTP, broken JSON).</summary>
    public static Fault TruncatedJson() => new TruncatedJsonFault();

    /// <summary>Drops the connection without an answer.</summary>
    public static Fault Disconnect() => new DisconnectFault();
}

/// <summary>See <see cref="Fault.Throttle"/>.</summary>
public sealed record ThrottleFault(int RetryAfterSeconds) : Fault;

/// <summary>See <see cref="Fault.ServerError"/>.</summary>
public sealed record ServerErrorFault(int Status) : Fault;

/// <summary>See <see cref="Fault.Delay"/>.</summary>
public sealed record DelayFault(TimeSpan Duration) : Fault;

/// <summary>See <see cref="Fault.TruncatedJson"/>.</summary>
public sealed record TruncatedJsonFault : Fault;

/// <summary>See <see cref="Fault.Disconnect"/>.</summary>
public sealed record DisconnectFault : Fault;
