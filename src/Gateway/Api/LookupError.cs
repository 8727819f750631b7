namespace DeltaStream.Gateway.Api;

internal enum LookupError
{
    None,
    UnknownSymbol,
    InvalidExpiry,
    UnknownExpiry,
}
