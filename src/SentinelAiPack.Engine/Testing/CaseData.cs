using SentinelAiPack.Content.Schemas;
using SentinelAiPack.Engine.Data;
using SentinelAiPack.Engine.Simulation;

namespace SentinelAiPack.Engine.Testing;

/// <summary>
/// A test case's sample events as simulation data: the same tables, watchlists and externaldata copies
/// <c>aipack test</c> reads (typed by the schemas), not cut to any lookback, so a simulated run cuts them itself.
/// </summary>
public static class CaseData
{
    /// <summary>The case's data; a data problem (unknown column, missing file) is an <see cref="InvalidDataException"/>.</summary>
    public static SimulationData Load(RuleTestFile file, RuleTestCase testCase, SchemaSet schemas)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(schemas);
        try
        {
            // As in aipack test: sample rows may carry _TimeReceived (their arrival) on any table.
            var withArrival = SchemaConversion.WithTimeReceived(schemas);
            var context = new CaseInputs(withArrival, SchemaConversion.EmptyTables(withArrival))
                .Build(file, testCase, testCase.ReferenceTime ?? file.ReferenceTime, lookback: null, CancellationToken.None);
            return new SimulationData(context.Tables, context.Watchlists, context.ExternalData);
        }
        catch (CaseDataException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }
}
