using DeltaStream.Users;

namespace DeltaStream.Grains.Users;

[GenerateSerializer]
public sealed class ApiKeyState
{
    /// <summary>Null until issued and again once revoked.</summary>
    [Id(0)]
    public ApiKeyRecord? Record { get; set; }
}
