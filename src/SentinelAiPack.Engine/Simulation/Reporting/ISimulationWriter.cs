namespace SentinelAiPack.Engine.Simulation.Reporting;

/// <summary>Writes a <see cref="SimulationReport"/> in one output format.</summary>
public interface ISimulationWriter
{
    void Write(SimulationReport report, TextWriter output);
}
