using System.Collections.Frozen;

namespace DeltaStream.Gateway.Auth;

/// <summary>
/// The 10,000 most common passwords (common-passwords.txt, an embedded resource naming its source and licence),
/// compared case-insensitively: the first guesses of any attacker, so refused whatever their shape.
/// </summary>
internal static class CommonPasswords
{
    private const string Resource = "DeltaStream.Gateway.Auth.common-passwords.txt";

    private static readonly Lazy<FrozenSet<string>> Passwords = new(Load);

    public static int Count => Passwords.Value.Count;

    public static bool Contains(string password) => Passwords.Value.Contains(password);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
