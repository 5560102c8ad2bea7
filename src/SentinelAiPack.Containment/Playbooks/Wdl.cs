namespace SentinelAiPack.Containment.Playbooks;

/// <summary>
/// Workflow Definition Language expression text for the containment playbooks. Every value taken from the incident
/// is attacker-influenced (entity names come from logs): it reaches a URL only through <c>encodeUriComponent</c> or
/// after the target filters check its shape, and an incident comment only through <see cref="Html"/>.
/// </summary>
public static class Wdl
{
    /// <summary>The incident's ARM id.</summary>
    public const string IncidentArmId = "triggerBody()?['object']?['id']";

    /// <summary>The incident number.</summary>
    public const string IncidentNumber = "triggerBody()?['object']?['properties']?['incidentNumber']";

    /// <summary>The incident's entities.</summary>
    public const string Entities = "triggerBody()?['object']?['properties']?['relatedEntities']";

    /// <summary>The current target inside the targets loop.</summary>
    public const string Target = "items('For_each_target')";

    /// <summary>Who approved or rejected.</summary>
    public const string Approver = "body('Send_approval_email')?['UserEmailAddress']";

    /// <summary>A property of the current target's entity properties.</summary>
    public static string TargetProperty(string name) => $"{Target}?['properties']?['{name}']";

    /// <summary>An expression as a whole value: <c>@expr</c>.</summary>
    public static string Value(string expression) => "@" + expression;

    /// <summary>An expression inside a string: <c>@{expr}</c>.</summary>
    public static string Inline(string expression) => "@{" + expression + "}";

    /// <summary>The expression's text with &amp;, &lt; and &gt; escaped, for HTML comments.</summary>
    public static string Html(string expression) =>
        $"replace(replace(replace(string({expression}), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')";

    /// <summary>A WDL string literal.</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
