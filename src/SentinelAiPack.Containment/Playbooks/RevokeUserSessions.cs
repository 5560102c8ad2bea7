using System.Text.Json.Nodes;

namespace SentinelAiPack.Containment.Playbooks;

public static partial class ContainmentPlaybooks
{
    /// <summary>Microsoft Graph revokeSignInSessions for each Account entity with an Entra object id.</summary>
    public static ContainmentPlaybook RevokeUserSessions() => new()
    {
        Name = "AIPack-Contain-RevokeUserSessions",
        Title = "Contain an AI incident: revoke the user's sign-in sessions",
        Description = "After approval, revokes the refresh tokens and session cookies of every user account of the incident (Microsoft Graph revokeSignInSessions), so the user must sign in again before they can use the AI application. Use it when a user's prompt-injection or abuse attempts look intentional, or the account may be compromised.",
        Verb = "revoke the sign-in sessions of",
        // An Entra object id is a GUID: 36 characters in five dash-separated groups (WDL has no regular expressions).
        TargetFilter = $"and({Entity("Account")}, equals(length({AadUserIdProperty}), 36), equals(length(split({AadUserIdProperty}, '-')), 5), " +
            $"not(contains({AadUserIdProperty}, '/')), not(contains({AadUserIdProperty}, '?')))",
        TargetLabel = "item()?['properties']?['aadUserId']",
        TargetActions = new JsonObject
        {
            ["Revoke_sessions"] = Steps.Http("POST",
                $"https://graph.microsoft.com/v1.0/users/{Wdl.Inline($"encodeUriComponent({Wdl.TargetProperty("aadUserId")})")}/revokeSignInSessions",
                Steps.GraphAudience),
            ["Record_revoke"] = Steps.Record("Revoke_sessions", Wdl.TargetProperty("aadUserId")),
        },
        Entities = ["account"],
        Permissions = ["Grant the playbook's managed identity the Microsoft Graph application permission User.RevokeSessions.All (an app role assignment by a Privileged Role Administrator, e.g. with New-MgServicePrincipalAppRoleAssignment); ARM cannot assign it."],
        ReleaseNotes = [new("1.0.0", InitialRelease, ["Revokes the sign-in sessions of the incident's user accounts after approval."])],
    };
}
