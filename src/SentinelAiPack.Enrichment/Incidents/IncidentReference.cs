using System.Text.RegularExpressions;
using SentinelAiPack.Azure.Sentinel;

namespace SentinelAiPack.Enrichment.Incidents;

/// <summary>
/// An incident named by its ARM id, as the Sentinel incident trigger passes it
/// (<c>/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.OperationalInsights/workspaces/{ws}/providers/Microsoft.SecurityInsights/Incidents/{id}</c>).
/// </summary>
public sealed partial record IncidentReference(SentinelWorkspace Workspace, string IncidentId)
{
    /// <summary>Parses an incident ARM id; throws <see cref="EnrichmentRequestException"/> with the reason when it is not one.</summary>
    public static IncidentReference Parse(string? armId)
    {
        if (string.IsNullOrWhiteSpace(armId))
        {
            throw new EnrichmentRequestException("The request names no incident: pass the incident's ARM id as 'incidentArmId'.");
        }

        var match = ArmIdPattern().Match(armId.Trim());
        if (!match.Success)
        {
            throw new EnrichmentRequestException(
                "The incident id is not a Sentinel incident ARM id (/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.OperationalInsights/"
                + "workspaces/{ws}/providers/Microsoft.SecurityInsights/Incidents/{id}).");
        }

        return new IncidentReference(
            new SentinelWorkspace(match.Groups["sub"].Value, match.Groups["rg"].Value, match.Groups["ws"].Value),
            match.Groups["id"].Value);
    }

    /// <summary>True when the incident lives in <paramref name="workspace"/> (names compared case-insensitively, as ARM does).</summary>
    public bool IsIn(SentinelWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return string.Equals(Workspace.SubscriptionId, workspace.SubscriptionId, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Workspace.ResourceGroup, workspace.ResourceGroup, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Workspace.WorkspaceName, workspace.WorkspaceName, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The ARM id, normalised.</summary>
    public string ArmId =>
        $"/subscriptions/{Workspace.SubscriptionId}/resourceGroups/{Workspace.ResourceGroup}/providers/Microsoft.OperationalInsights/workspaces/{Workspace.WorkspaceName}/providers/Microsoft.SecurityInsights/Incidents/{IncidentId}";

    [GeneratedRegex(
        @"^/subscriptions/(?<sub>[0-9a-fA-F-]{36})/resourceGroups/(?<rg>[-\w\.\(\)]{1,90})/providers/Microsoft\.OperationalInsights/workspaces/(?<ws>[A-Za-z0-9][A-Za-z0-9-]{1,61}[A-Za-z0-9])/providers/Microsoft\.SecurityInsights/Incidents/(?<id>[A-Za-z0-9][A-Za-z0-9._-]{0,127})$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArmIdPattern();
}
