using System.Text.Json;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>
/// The layering rules, read from what NuGet restored for each project (obj/project.assets.json lists every project
/// and package a project depends on, directly or through others).
/// </summary>
public sealed class ProjectGraphTests
{
    public static TheoryData<string> ClientProcesses => ["Feed", "Hosting.Client"];

    [Theory]
    [MemberData(nameof(ClientProcesses))]
    public void Client_side_projects_depend_on_no_grain_storage_or_silo_code(string project)
    {
        var dependencies = Dependencies(project);

        Assert.Contains("Microsoft.Orleans.Client", dependencies);
        Assert.DoesNotContain("DeltaStream.Grains", dependencies);
        Assert.DoesNotContain("DeltaStream.Hosting", dependencies);
        Assert.DoesNotContain("Microsoft.Orleans.Server", dependencies);
        Assert.DoesNotContain("Microsoft.Orleans.Dashboard", dependencies);
        Assert.DoesNotContain("Microsoft.Orleans.Reminders", dependencies);
        Assert.DoesNotContain(dependencies, d => d.StartsWith("Microsoft.Orleans.Persistence.", StringComparison.Ordinal));
        Assert.DoesNotContain(dependencies, d => d.Contains("Mongo", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Silo")]
    [InlineData("Gateway")]
    public void Silo_hosts_use_the_one_silo_composition(string project)
    {
        var dependencies = Dependencies(project);

        Assert.Contains("DeltaStream.Hosting", dependencies);
        Assert.Contains("DeltaStream.Grains", dependencies);
    }

    private static HashSet<string> Dependencies(string project)
    {
        var assets = Path.Combine(RepositoryLayout.Root, "src", project, "obj", "project.assets.json");
        using var document = JsonDocument.Parse(File.ReadAllText(assets));
        return [.. document.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name[..l.Name.IndexOf('/', StringComparison.Ordinal)])];
    }
}
