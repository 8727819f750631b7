namespace DeltaStream.StorageBench;

/// <summary>A grain state about the size of a chain's: a position and 2 x 41 quotes of four numbers.</summary>
[GenerateSerializer]
public sealed class BenchState
{
    [Id(0)] public long Position { get; set; }

    [Id(1)] public double[] Quotes { get; set; } = [];
}
