namespace DeltaStream.Providers.MongoDB.Tests.Storage;

/// <summary>A grain state shaped like the checklist's: text, numbers, and a stream position stored with them.</summary>
[GenerateSerializer]
public sealed record TestState
{
    [Id(0)] public string? Text { get; init; }

    [Id(1)] public int Count { get; init; }

    [Id(2)] public long Position { get; init; }

    [Id(3)] public double Price { get; init; }
}
