namespace DeltaStream.Gateway.Auth;

/// <summary>A password is 8 to 128 characters with at least one letter and one character that is not a letter.</summary>
internal static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public static string? Problem(string? password) => password switch
    {
        null or "" => "password is required.",
        { Length: < MinLength or > MaxLength } => $"password must be {MinLength} to {MaxLength} characters.",
        _ when !password.Any(char.IsLetter) || password.All(char.IsLetter) => "password must contain at least one letter and one character that is not a letter.",
        _ => null,
    };
}
