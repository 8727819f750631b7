namespace DeltaStream.EndToEnd.Tests;

/// <summary>Where the repository and the built Gateway are, found from the test assembly's location.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>A host project built in the same configuration as this test assembly (bin/Debug or bin/Release).</summary>
    public static string HostAssembly(string project)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        return Path.Combine(Root, "src", project, "bin", configuration, "net10.0", $"DeltaStream.{project}.dll");
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DeltaStream.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("DeltaStream.sln not found above " + AppContext.BaseDirectory);
    }
}
