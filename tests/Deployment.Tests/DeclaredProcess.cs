namespace DeltaStream.Deployment.Tests;

/// <summary>One DeltaStream host (src/Silo, src/Gateway or src/Feed) with the environment and arguments its deployment declares.</summary>
internal sealed record DeclaredProcess(string Project, IReadOnlyDictionary<string, string> Environment, IReadOnlyList<string> Arguments);
