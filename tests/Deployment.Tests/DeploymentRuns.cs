namespace DeltaStream.Deployment.Tests;

/// <summary>
/// The chart and compose runs, one after the other: each starts two silos, a gateway, a feed, Redis and MongoDB, and
/// two such runs at once on two shared cores would measure start-up contention rather than the deployment.
/// </summary>
[CollectionDefinition(nameof(DeploymentRuns))]
public sealed class DeploymentRuns;
