namespace SentinelAiPack.Engine.Simulation;

/// <summary>
/// <c>triggerOperator</c>/<c>triggerThreshold</c>: a run raises alerts when its number of result rows compares to the
/// threshold this way (Sentinel: "Generate alert when number of query results is greater than / less than / equal to /
/// not equal to N"; the threshold applies to each run on its own).
/// </summary>
public sealed record TriggerCondition(TriggerOperator Operator, int Threshold)
{
    public static TriggerCondition Default { get; } = new(TriggerOperator.GreaterThan, 0);

    public bool IsMet(long rows) => Operator switch
    {
        TriggerOperator.GreaterThan => rows > Threshold,
        TriggerOperator.LessThan => rows < Threshold,
        TriggerOperator.Equal => rows == Threshold,
        _ => rows != Threshold,
    };

    /// <summary>The operator as the rule files write it (<c>gt</c>, <c>GreaterThan</c>, ... case-insensitive), or null.</summary>
    public static TriggerOperator? ParseOperator(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "gt" or "greaterthan" => TriggerOperator.GreaterThan,
        "lt" or "lessthan" => TriggerOperator.LessThan,
        "eq" or "equal" => TriggerOperator.Equal,
        "ne" or "notequal" => TriggerOperator.NotEqual,
        _ => null,
    };

    public override string ToString() => Operator switch
    {
        TriggerOperator.GreaterThan => $"> {Threshold}",
        TriggerOperator.LessThan => $"< {Threshold}",
        TriggerOperator.Equal => $"= {Threshold}",
        _ => $"!= {Threshold}",
    };
}

public enum TriggerOperator
{
    GreaterThan,
    LessThan,
    Equal,
    NotEqual,
}
