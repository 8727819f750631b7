namespace DeltaStream.Deployment.Tests;

/// <summary>What a finished command printed and how it exited.</summary>
internal sealed record CommandResult(int ExitCode, string Output, string Error);
