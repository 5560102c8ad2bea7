using SentinelAiPack.Telemetry.SampleData.Output;
using SentinelAiPack.Telemetry.SampleData.World;

namespace SentinelAiPack.Telemetry.SampleData.Emit;

/// <summary>What every emitter shares: the output, the simulated tenant, the time window and the behaviour overrides scenarios set.</summary>
public sealed class GenerationContext
{
    internal GenerationContext(TableSink sink, SimulatedTenant tenant, DateTime start, DateTime end, ulong seed)
    {
        Sink = sink;
        Tenant = tenant;
        Start = start;
        End = end;
        Seed = seed;
        Metrics = new OutputMetricsAccumulator();
        Behavior = new BehaviorOverrides();
        Chat = new ChatEmitter(this);
        Tools = new ToolEmitter(this);
        Retrieval = new RetrievalEmitter(this);
        Safety = new ContentSafetyEmitter(this);
        Security = new SecurityEmitter(this);
        ControlPlane = new ControlPlaneEmitter(this);
        Ml = new MlEmitter(this);
        KnowledgeBase = new KnowledgeBaseEmitter(this);
        ExternalAi = new ExternalAiEmitter(this);
    }

    public TableSink Sink { get; }

    public SimulatedTenant Tenant { get; }

    public DateTime Start { get; }

    public DateTime End { get; }

    public ulong Seed { get; }

    internal OutputMetricsAccumulator Metrics { get; }

    public BehaviorOverrides Behavior { get; }

    public ChatEmitter Chat { get; }

    public ToolEmitter Tools { get; }

    public RetrievalEmitter Retrieval { get; }

    public ContentSafetyEmitter Safety { get; }

    public SecurityEmitter Security { get; }

    public ControlPlaneEmitter ControlPlane { get; }

    public MlEmitter Ml { get; }

    public KnowledgeBaseEmitter KnowledgeBase { get; }

    public ExternalAiEmitter ExternalAi { get; }

    public bool InWindow(DateTime t) => t >= Start && t < End;
}
