namespace DeltaStream.EndToEnd.Tests;

/// <summary>
/// Tests that run alone, after the suite's parallel ones: <see cref="LiveUnderFaultsRunTests"/>'s 500 clients and
/// five processes take the machine's two cores, and the timing bounds of the other process tests would feel it.
/// </summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
