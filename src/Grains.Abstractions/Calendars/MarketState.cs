namespace DeltaStream.Calendars;

public enum MarketState
{
    Closed,
    PreOpen,
    Open,
}
