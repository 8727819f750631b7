namespace DeltaStream.Testing;

/// <summary>The repository a test assembly was built from: the first directory above it holding DeltaStream.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "DeltaStream.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("DeltaStream.sln not found above " + AppContext.BaseDirectory);
    }
}
