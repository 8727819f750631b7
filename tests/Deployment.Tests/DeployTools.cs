using System.Diagnostics;
using DeltaStream.EndToEnd.Tests;

namespace DeltaStream.Deployment.Tests;

/// <summary>
/// helm and the node scripts of scripts/deploy-tools: where scripts/test.sh says they are (DELTASTREAM_HELM,
/// DELTASTREAM_DEPLOY_TOOLS), else installed on first use by scripts/deploy-tools/install.sh into artifacts/tools,
/// so a single test project runs on its own too.
/// </summary>
internal static class DeployTools
{
    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);

    public static async Task<string> HelmAsync() =>
        Environment.GetEnvironmentVariable("DELTASTREAM_HELM") is { Length: > 0 } helm ? helm : Path.Combine(await Installed.Value, "bin", "helm");

    public static async Task<string> ScriptAsync(string name) =>
        Path.Combine(Environment.GetEnvironmentVariable("DELTASTREAM_DEPLOY_TOOLS") is { Length: > 0 } tools ? tools : await Installed.Value, name);

    /// <summary>Runs a command to its end; the caller judges the exit code.</summary>
    public static async Task<CommandResult> RunAsync(string file, params IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryLayout.Root };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CommandResult(process.ExitCode, await output, await error);
    }

    private static async Task<string> InstallAsync()
    {
        var install = await RunAsync("bash", Path.Combine(RepositoryLayout.Root, "scripts", "deploy-tools", "install.sh"));
        return install.ExitCode == 0
            ? Path.Combine(RepositoryLayout.Root, "artifacts", "tools")
            : throw new InvalidOperationException($"scripts/deploy-tools/install.sh failed ({install.ExitCode}): {install.Error}");
    }
}
