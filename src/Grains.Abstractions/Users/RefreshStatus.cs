namespace DeltaStream.Users;

public enum RefreshStatus
{
    /// <summary>Valid and now used up: the caller may issue the next token of the family.</summary>
    Redeemed,

    /// <summary>Never issued.</summary>
    Unknown,

    Expired,

    /// <summary>Its family was revoked (sign-out, or a reuse of one of its tokens).</summary>
    Revoked,

    /// <summary>Already used once: the family has now been revoked.</summary>
    Reused,
}
