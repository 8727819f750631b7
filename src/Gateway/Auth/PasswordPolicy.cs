namespace DeltaStream.Gateway.Auth;

/// <summary>
/// A password is 8 to 128 characters with at least one letter and one character that is not a letter, and is not
/// one of the <see cref="CommonPasswords"/> (in any case).
/// </summary>
internal static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public static string? Problem(string? password) => password switch
    {
        null or "" => "password is required.",
        { Length: < MinLength or > MaxLength } => $"password must be {MinLength} to {MaxLength} characters.",
        _ when !password.Any(char.IsLetter) || password.All(char.IsLetter) => "password must contain at least one letter and one character that is not a letter.",
        _ when CommonPasswords.Contains(password) => "password is one of the 10,000 most common passwords, which attackers try first; choose another.",
        _ => null,
    };
}
