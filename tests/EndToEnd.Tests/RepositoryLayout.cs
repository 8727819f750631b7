using DeltaStream.Testing;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>Where the repository and the built Gateway are, found from the test assembly's location.</summary>
internal static class RepositoryLayout
{
    public static string Root => RepositoryRoot.Path;

    /// <summary>A host project built in the same configuration as this test assembly (bin/Debug or bin/Release).</summary>
    public static string HostAssembly(string project)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        return Path.Combine(Root, "src", project, "bin", configuration, "net10.0", $"DeltaStream.{project}.dll");
    }
}
