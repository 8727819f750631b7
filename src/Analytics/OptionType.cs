namespace DeltaStream.Analytics;

public enum OptionType
{
    Call,
    Put,
}
