using System.Text;
using System.Text.RegularExpressions;
using DeltaStream.EndToEnd.Tests;

namespace DeltaStream.Deployment.Tests;

/// <summary>
/// Whether an environment variable names a setting some host reads, found in what reads it: DeltaStream's sources
/// (a key written out, a property of an options class under its SectionName, a GetConnectionString name), the
/// Kubernetes hosting package the silo ships (the pod variables it reads), and the few framework keys listed below.
/// Configuration keys compare case-insensitively, as .NET configuration does.
/// </summary>
internal static partial class HostSettings
{
    /// <summary>Read by ASP.NET Core's host and Microsoft.Extensions.Logging themselves: documented framework keys.</summary>
    private static readonly string[] FrameworkKeys = ["ASPNETCORE_HTTP_PORTS", "AllowedHosts", "Logging:LogLevel:Default", "Logging:Console:FormatterName"];

    private static readonly Lazy<HashSet<string>> Keys = new(Collect);

    public static bool IsRead(string variable) => Keys.Value.Contains(variable.Replace("__", ":", StringComparison.Ordinal));

    private static HashSet<string> Collect()
    {
        var keys = new HashSet<string>(FrameworkKeys, StringComparer.OrdinalIgnoreCase);
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryLayout.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var text in sources.Select(File.ReadAllText))
        {
            keys.UnionWith(Literal().Matches(text).Select(m => m.Groups[1].Value));
            keys.UnionWith(ConnectionString().Matches(text).Select(m => "ConnectionStrings:" + m.Groups[1].Value));
            if (SectionName().Match(text) is { Success: true } section)
            {
                keys.UnionWith(Property().Matches(text).Select(m => $"{section.Groups[1].Value}:{m.Groups[1].Value}"));
            }
        }

        // The UTF-16 string literals of the package, among them the pod variables it reads (POD_NAME, ORLEANS_CLUSTER_ID...).
        var kubernetes = Path.Combine(Path.GetDirectoryName(RepositoryLayout.HostAssembly("Silo"))!, "Orleans.Hosting.Kubernetes.dll");
        keys.UnionWith(Utf16Name().Matches(Encoding.Unicode.GetString(File.ReadAllBytes(kubernetes))).Select(m => m.Value));
        return keys;
    }

    /// <summary>A configuration key ("DeltaStream:Metrics:Port") or an environment variable name ("OTEL_EXPORTER_OTLP_ENDPOINT") in quotes.</summary>
    [GeneratedRegex("\"([A-Za-z][A-Za-z0-9_]*(?::[A-Za-z0-9_]+)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"")]
    private static partial Regex Literal();

    [GeneratedRegex("GetConnectionString\\(\"([A-Za-z0-9_]+)\"\\)")]
    private static partial Regex ConnectionString();

    [GeneratedRegex("SectionName = \"([A-Za-z0-9:]+)\"")]
    private static partial Regex SectionName();

    [GeneratedRegex(@"public [\w<>?,\[\] ]+ (\w+) \{ get; set; \}")]
    private static partial Regex Property();

    [GeneratedRegex("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")]
    private static partial Regex Utf16Name();
}
