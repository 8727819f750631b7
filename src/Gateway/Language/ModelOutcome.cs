namespace DeltaStream.Gateway.Language;

/// <summary>Why a model reply was or was not used.</summary>
internal enum ModelOutcome
{
    /// <summary>No endpoint configured.</summary>
    Off,

    Accepted,

    /// <summary>The reply carried a number absent from the prompt (or nothing).</summary>
    Refused,

    /// <summary>Timed out, failed after its retries, or the circuit is open.</summary>
    Unavailable,
}
