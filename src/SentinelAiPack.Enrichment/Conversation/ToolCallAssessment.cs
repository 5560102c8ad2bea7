using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace SentinelAiPack.Enrichment.Conversation;

/// <summary>Why a tool call is anomalous (the guide: external recipients, private/metadata URLs, paths out of scope, destructive or payment actions).</summary>
public enum ToolCallConcern
{
    /// <summary>Sends to a recipient outside the organisation's domains.</summary>
    ExternalRecipient,

    /// <summary>Requests a private, loopback, link-local or cloud-metadata address.</summary>
    PrivateOrMetadataAddress,

    /// <summary>Uses a path with traversal, a system location, or outside the allowed prefixes.</summary>
    PathOutOfScope,

    /// <summary>Deletes data.</summary>
    DestructiveAction,

    /// <summary>Moves money.</summary>
    PaymentAction,

    /// <summary>Changes permissions or group membership.</summary>
    PermissionChange,
}

/// <summary>One concern about a tool call and the value that raised it.</summary>
public sealed record ToolCallFinding(ToolCallConcern Concern, string Detail);

/// <summary>The assessment of one tool call: its concerns and whether the user ever typed its target.</summary>
public sealed record AssessedToolCall(ToolCallRecord Call, IReadOnlyList<ToolCallFinding> Findings, bool? TargetTypedByUser)
{
    /// <summary>True when any concern was found.</summary>
    public bool IsAnomalous => Findings.Count > 0;
}

/// <summary>
/// Deterministic checks of a tool call's parameters against the guide's list of anomalies. Every finding names the value
/// and the rule, so the comment can say exactly why.
/// </summary>
public sealed partial class ToolCallAssessment
{
    private static readonly string[] MetadataHosts = ["metadata.google.internal", "metadata", "instance-data", "metadata.azure.com", "localhost"];
    private static readonly string[] SystemPaths = ["/etc/", "/proc/", "/root/", "/var/run/", "/.ssh/", "c:\\windows\\", "\\config\\sam", "\\config\\system", "/windows/system32"];
    private readonly IReadOnlyList<string> _internalDomains;
    private readonly IReadOnlyList<string> _allowedPaths;

    /// <summary>Creates the assessment for one incident.</summary>
    /// <param name="internalDomains">The organisation's domains (configured plus those of the incident's users).</param>
    /// <param name="allowedPathPrefixes">Path prefixes file tools may use; empty skips the scope check.</param>
    public ToolCallAssessment(IEnumerable<string> internalDomains, IReadOnlyList<string> allowedPathPrefixes)
    {
        _internalDomains = internalDomains.Select(d => d.Trim().TrimStart('@').ToLowerInvariant()).Where(d => d.Length > 0).Distinct().ToList();
        _allowedPaths = allowedPathPrefixes;
    }

    /// <summary>Assesses <paramref name="call"/>; <paramref name="userPrompts"/> are the user's messages before it.</summary>
    public AssessedToolCall Assess(ToolCallRecord call, IReadOnlyList<string> userPrompts)
    {
        ArgumentNullException.ThrowIfNull(call);
        var findings = new List<ToolCallFinding>();
        var action = call.ActionKind.ToLowerInvariant();
        switch (action)
        {
            case "delete":
                findings.Add(new(ToolCallConcern.DestructiveAction, $"{call.ToolName} deletes data"));
                break;
            case "payment":
                findings.Add(new(ToolCallConcern.PaymentAction, call.Amount is { } amount
                    ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{call.ToolName} pays {amount:0.##}")
                    : $"{call.ToolName} makes a payment"));
                break;
            case "permission":
                findings.Add(new(ToolCallConcern.PermissionChange, $"{call.ToolName} changes permissions"));
                break;
        }

        // Targets: the declared one plus every address and URL in the arguments (a cc or a second URL counts too).
        var text = call.PrimaryTarget + "\n" + call.Arguments;
        foreach (var address in Emails().Matches(text).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var domain = address[(address.LastIndexOf('@') + 1)..].ToLowerInvariant();
            if (!IsInternal(domain))
            {
                findings.Add(new(ToolCallConcern.ExternalRecipient, $"{address} (domain {domain} is not internal)"));
            }
        }

        foreach (var url in Urls().Matches(text).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsPrivateOrMetadata(uri.IdnHost))
            {
                findings.Add(new(ToolCallConcern.PrivateOrMetadataAddress, $"{url} (private, loopback or metadata address)"));
            }
        }

        if (call.TargetType.Equals("url", StringComparison.OrdinalIgnoreCase) && !call.PrimaryTarget.Contains("://", StringComparison.Ordinal)
            && IsPrivateOrMetadata(call.PrimaryTarget.Split('/', ':')[0]))
        {
            findings.Add(new(ToolCallConcern.PrivateOrMetadataAddress, $"{call.PrimaryTarget} (private, loopback or metadata address)"));
        }

        if (call.TargetType.Equals("path", StringComparison.OrdinalIgnoreCase) || call.ToolCategory.Equals("file", StringComparison.OrdinalIgnoreCase))
        {
            if (PathConcern(call.PrimaryTarget) is { } reason)
            {
                findings.Add(new(ToolCallConcern.PathOutOfScope, $"{call.PrimaryTarget} ({reason})"));
            }
        }

        return new AssessedToolCall(call, findings, TypedByUser(call.PrimaryTarget, userPrompts));
    }

    /// <summary>True when <paramref name="domain"/> is one of the internal domains or a subdomain of one.</summary>
    public bool IsInternal(string domain) =>
        _internalDomains.Any(d => domain.Equals(d, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));

    /// <summary>True for loopback, private (RFC 1918, unique-local), link-local (incl. 169.254.169.254), the Azure host address and metadata names.</summary>
    public static bool IsPrivateOrMetadata(string host)
    {
        var name = host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        if (MetadataHosts.Contains(name) || name.EndsWith(".internal", StringComparison.Ordinal) || name.EndsWith(".localhost", StringComparison.Ordinal))
        {
            return true;
        }

        if (!IPAddress.TryParse(name, out var ip))
        {
            return false;
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (IPAddress.IsLoopback(ip))
        {
            return true;
        }

        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes6 = ip.GetAddressBytes();
            return ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || (bytes6[0] & 0xFE) == 0xFC || ip.Equals(IPAddress.IPv6Any);
        }

        var b = ip.GetAddressBytes();
        return b[0] == 10
            || b[0] == 0
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
            || (b[0] == 168 && b[1] == 63 && b[2] == 129 && b[3] == 16);
    }

    private string? PathConcern(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        var lower = path.Replace('\\', '/').ToLowerInvariant();
        if (lower.Contains("../", StringComparison.Ordinal) || lower.EndsWith("/..", StringComparison.Ordinal) || lower == "..")
        {
            return "path traversal";
        }

        if (SystemPaths.Any(p => path.Contains(p, StringComparison.OrdinalIgnoreCase) || lower.Contains(p.Replace('\\', '/'), StringComparison.Ordinal)))
        {
            return "system location";
        }

        return _allowedPaths.Count > 0 && !_allowedPaths.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            ? "outside the allowed path prefixes"
            : null;
    }

    // Whether the user typed the target: the guide asks if the parameter came from the user or from the model's context.
    private static bool? TypedByUser(string target, IReadOnlyList<string> userPrompts)
    {
        var value = target.Trim();
        if (value.Length < 3 || value == "*")
        {
            return null;
        }

        return userPrompts.Any(p => p.Contains(value, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Emails();

    [GeneratedRegex(@"(?:https?|ftp|file|gopher)://[^\s""'<>\\]{1,2000}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Urls();
}
