namespace DeltaStream.Gateway.Ask;

/// <summary>When the docs index is built: in the background as the gateway starts, or on the first question.</summary>
public enum IndexTiming
{
    Startup,
    FirstQuestion,
}
