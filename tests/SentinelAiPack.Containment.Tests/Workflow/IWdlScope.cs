using System.Text.Json.Nodes;

namespace SentinelAiPack.Containment.Tests.Workflow;

/// <summary>What an expression can read: the trigger, earlier actions, variables, parameters, loop items, the clock.</summary>
public interface IWdlScope
{
    JsonNode? TriggerBody { get; }

    /// <summary>The result of an action that has run (throws for one that has not).</summary>
    ActionResult Action(string name);

    JsonNode? Variable(string name);

    JsonNode? Parameter(string name);

    /// <summary>The current item of the innermost Query, Select or For each.</summary>
    JsonNode? Item { get; }

    /// <summary>The current item of the named For each.</summary>
    JsonNode? LoopItem(string loop);

    DateTimeOffset Now { get; }
}
