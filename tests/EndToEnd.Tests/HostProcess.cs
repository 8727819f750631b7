using System.Diagnostics;
using System.Globalization;
using System.Text;
using DeltaStream.Testing;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>
/// A DeltaStream host (src/Gateway or src/Silo) started as its own process the way a user starts it, on free
/// loopback ports, ready once /health/ready answers; killed with its process tree when disposed.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process = new();
    private readonly StringBuilder output = new();
    private bool disposed;

    private const string MetricsPortVariable = "DeltaStream__Metrics__Port";

    private HostProcess(Uri baseAddress) => (BaseAddress, MetricsAddress) = (baseAddress, baseAddress);

    public Uri BaseAddress { get; }

    /// <summary>Where the process serves /metrics: the port its environment names (a distributed gateway always has one), else <see cref="BaseAddress"/>.</summary>
    public Uri MetricsAddress { get; private set; }

    public TimeSpan StartupTime { get; private set; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Started with <c>--urls</c> on a free loopback port.</summary>
    /// <param name="waitForReady">False for a process that cannot be ready yet (the feed before any silo): started, not probed.</param>
    public static Task<HostProcess> StartAsync(string project, IReadOnlyDictionary<string, string> environment, bool waitForReady = true)
    {
        var address = new Uri($"http://127.0.0.1:{LoopbackPorts.Next()}/");
        return StartAsync(project, environment, address, ["--urls", address.ToString().TrimEnd('/')], waitForReady ? "health/ready" : null);
    }

    /// <param name="baseAddress">Where the process will listen, as <paramref name="arguments"/> or <paramref name="environment"/> tell it.</param>
    /// <param name="probe">The path polled until it answers 2xx; null: started, not probed.</param>
    public static Task<HostProcess> StartAsync(
        string project, IReadOnlyDictionary<string, string> environment, Uri baseAddress, IReadOnlyList<string> arguments, string? probe) =>
        StartAsync(project, TestAccounts.EnvironmentVariables().Concat(environment), inherit: true, baseAddress, arguments, probe);

    /// <summary>
    /// Started with <paramref name="environment"/> alone, as a container gets what its deployment declares: none of
    /// the test settings (signing key, raised limits) and none of the test process's variables except PATH and HOME,
    /// which a container image has too. A setting the deployment forgot is missing here as well.
    /// </summary>
    public static Task<HostProcess> StartDeclaredAsync(
        string project, IReadOnlyDictionary<string, string> environment, Uri baseAddress, IReadOnlyList<string> arguments, string? probe) =>
        StartAsync(project, environment, inherit: false, baseAddress, arguments, probe);

    private static async Task<HostProcess> StartAsync(
        string project, IEnumerable<KeyValuePair<string, string>> environment, bool inherit, Uri baseAddress, IReadOnlyList<string> arguments, string? probe)
    {
        var host = new HostProcess(baseAddress);
        var info = host.process.StartInfo;
        info.FileName = "dotnet";
        info.ArgumentList.Add(RepositoryLayout.HostAssembly(project));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.WorkingDirectory = Path.Combine(RepositoryLayout.Root, "src", project);
        if (!inherit)
        {
            foreach (var key in info.Environment.Keys.Where(k => k is not ("PATH" or "HOME" or "DOTNET_ROOT")).ToList())
            {
                info.Environment.Remove(key);
            }
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        // A distributed gateway serves /metrics on a port of its own whose default every gateway on this machine would
        // share: one started with the test settings gets a free one unless told. A declared environment stays as declared.
        if (inherit && project == "Gateway" && info.Environment.ContainsKey("ConnectionStrings__Redis") && !info.Environment.ContainsKey(MetricsPortVariable))
        {
            info.Environment[MetricsPortVariable] = FreePortText();
        }

        if (info.Environment.TryGetValue(MetricsPortVariable, out var metricsPort) && metricsPort is { Length: > 0 } and not "0")
        {
            host.MetricsAddress = new Uri($"http://127.0.0.1:{metricsPort}/");
        }

        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        host.process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host.process.Start();
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        if (probe is not null)
        {
            try
            {
                await host.WaitUntilAnsweringAsync(probe);
            }
            catch
            {
                await host.DisposeAsync();
                throw;
            }
        }

        return host;
    }

    public static string FreePortText() => LoopbackPorts.Next().ToString(CultureInfo.InvariantCulture);

    /// <summary>The process's resident set size now (VmRSS in /proc), in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// Environment of a distributed-mode process: the Redis connection, fresh Orleans ports, its own cluster id, and a
    /// synthetic feed that quotes around the clock (distributed mode's default follows the exchange calendars, so a
    /// run at night or on a weekend would see no quotes; the feed's calendar hours are tested on their own).
    /// </summary>
    public static Dictionary<string, string> DistributedEnvironment(string redisConnectionString, string clusterId) => new()
    {
        ["ConnectionStrings__Redis"] = redisConnectionString,
        ["DeltaStream__Feed__Hours"] = "AroundTheClock",
        ["DeltaStream__Cluster__SiloPort"] = FreePortText(),
        ["DeltaStream__Cluster__GatewayPort"] = FreePortText(),
        ["DeltaStream__Cluster__ClusterId"] = clusterId,
    };

    /// <summary>A silo process's distributed environment with its own feed off (the test runs a feed process or writes ticks).</summary>
    public static Dictionary<string, string> SiloWithoutFeed(string redisConnectionString, string clusterId)
    {
        var environment = DistributedEnvironment(redisConnectionString, clusterId);
        environment["DeltaStream__Feed__Enabled"] = "false";
        return environment;
    }

    /// <summary>SIGKILL: the process gets no chance to deactivate grains, persist state or leave the cluster.</summary>
    public ValueTask KillAsync() => DisposeAsync();

    /// <summary>Kills the process if it still runs; a second call (after <see cref="KillAsync"/>) does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    /// <summary>
    /// SIGTERM, as Kubernetes and docker stop send it: the host shuts down gracefully. Returns how long the process
    /// took to exit and its exit code.
    /// </summary>
    public async Task<(TimeSpan Elapsed, int ExitCode)> TerminateAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        await SignalAsync("TERM");

        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{process.StartInfo.ArgumentList[0]} did not exit within {limit} of SIGTERM:\n{Output}");
        }

        return (clock.Elapsed, process.ExitCode);
    }

    /// <summary>
    /// SIGSTOP: the process stops answering but its sockets stay open, as a node that dropped off the network looks
    /// to its peers (a killed process on loopback refuses connections at once, which peers notice at once).
    /// </summary>
    public Task FreezeAsync() => SignalAsync("STOP");

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Polls the probe: the process offers no other signal that it is up.</summary>
    private async Task WaitUntilAnsweringAsync(string probe)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"{process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)} exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(probe, UriKind.Relative))).IsSuccessStatusCode)
                {
                    StartupTime = clock.Elapsed;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(150))
            {
                throw new TimeoutException($"{process.StartInfo.ArgumentList[0]} was not ready within 150 s:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
