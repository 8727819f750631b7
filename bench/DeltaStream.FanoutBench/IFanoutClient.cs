namespace DeltaStream.FanoutBench;

/// <summary>A connected client of one chain and what it saw.</summary>
internal interface IFanoutClient : IAsyncDisposable
{
    ChainTracker Tracker { get; }
}
