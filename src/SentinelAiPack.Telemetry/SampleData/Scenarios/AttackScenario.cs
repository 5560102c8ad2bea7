namespace SentinelAiPack.Telemetry.SampleData.Scenarios;

/// <summary>
/// A named attack injected into the benign traffic. <see cref="Prepare"/> runs before traffic is generated (to change
/// how the estate behaves from the attack on, e.g. drift); <see cref="Inject"/> writes the attack's own events.
/// </summary>
public abstract class AttackScenario(string name, string description)
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>When the attack happens: hours after the start of the last day of the window.</summary>
    public virtual (double From, double To) Hours => (12, 19);

    public virtual void Prepare(ScenarioContext context)
    {
    }

    public abstract void Inject(ScenarioContext context);
}
