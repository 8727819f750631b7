using DeltaStream.Gateway.Ask;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// One docs index for every test gateway of this process: the production <see cref="DocsIndex"/> over the corpus the
/// build ships, built once (embedding the docs costs seconds of a core per build, minutes on a loaded machine).
/// Handed to the hosts as an instance, so no host disposes it.
/// </summary>
internal static class SharedDocsIndex
{
    public static DocsIndex Instance { get; } = new(NullLogger<DocsIndex>.Instance);

    /// <summary>Waits for the index, so a question's HTTP timeout never includes the build.</summary>
    public static Task ReadyAsync() => Instance.ReadyAsync();
}
