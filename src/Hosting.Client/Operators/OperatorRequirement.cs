using Microsoft.AspNetCore.Authorization;

namespace DeltaStream.Hosting.Operators;

/// <summary>The operator's credentials, or none while <see cref="OpenWhileLocal"/> and every listener is on this machine.</summary>
internal sealed class OperatorRequirement(bool openWhileLocal) : IAuthorizationRequirement
{
    public bool OpenWhileLocal { get; } = openWhileLocal;
}
