using Microsoft.AspNetCore.Authorization;

namespace DeltaStream.Hosting.Operators;

/// <summary>Decided per request, since a listener's address is known only once the server has bound it.</summary>
internal sealed class OperatorRequirementHandler(LocalListeners listeners) : AuthorizationHandler<OperatorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperatorRequirement requirement)
    {
        // The policy authenticates with the operator scheme only, so an authenticated user here is the operator.
        if (context.User.Identity?.IsAuthenticated == true || (requirement.OpenWhileLocal && listeners.AllLocal))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
