namespace SentinelAiPack.Enrichment;

/// <summary>The request itself is unusable (no or malformed incident id, another workspace): the caller must fix it, retrying will not help.</summary>
public sealed class EnrichmentRequestException(string message) : Exception(message);

/// <summary>Enrichment could not complete (Sentinel unreachable, comment not written); a retry of the same trigger is safe and may succeed.</summary>
public sealed class EnrichmentFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The configuration is incomplete or invalid; the message names every problem.</summary>
public sealed class EnrichmentConfigurationException(string message) : Exception(message);
