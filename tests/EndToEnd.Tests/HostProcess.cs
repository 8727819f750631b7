using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
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

    private HostProcess(Uri baseAddress) => BaseAddress = baseAddress;

    public Uri BaseAddress { get; }

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

    /// <summary>Every process gets the test settings (signing key, test-sized limits) beside <paramref name="environment"/>.</summary>
    /// <param name="waitForReady">False for a process without HTTP endpoints (the feed): started, not probed.</param>
    public static async Task<HostProcess> StartAsync(string project, IReadOnlyDictionary<string, string> environment, bool waitForReady = true)
    {
        var host = new HostProcess(new Uri($"http://127.0.0.1:{FreePort()}/"));
        var info = host.process.StartInfo;
        info.FileName = "dotnet";
        info.ArgumentList.Add(RepositoryLayout.HostAssembly(project));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(host.BaseAddress.ToString().TrimEnd('/'));
        info.WorkingDirectory = Path.Combine(RepositoryLayout.Root, "src", project);
        foreach (var (key, value) in TestAccounts.EnvironmentVariables().Concat(environment))
        {
            info.Environment[key] = value;
        }

        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        host.process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host.process.Start();
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        if (waitForReady)
        {
            await host.WaitUntilReadyAsync();
        }

        return host;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string FreePortText() => FreePort().ToString(CultureInfo.InvariantCulture);

    /// <summary>Environment of a distributed-mode process: the Redis connection, fresh Orleans ports, its own cluster id.</summary>
    public static Dictionary<string, string> DistributedEnvironment(string redisConnectionString, string clusterId) => new()
    {
        ["ConnectionStrings__Redis"] = redisConnectionString,
        ["DeltaStream__Cluster__SiloPort"] = FreePortText(),
        ["DeltaStream__Cluster__GatewayPort"] = FreePortText(),
        ["DeltaStream__Cluster__ClusterId"] = clusterId,
    };

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

    /// <summary>Polls the readiness probe: the process offers no other signal that the cluster is up.</summary>
    private async Task WaitUntilReadyAsync()
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
                if ((await http.GetAsync(new Uri("health/ready", UriKind.Relative))).IsSuccessStatusCode)
                {
                    StartupTime = clock.Elapsed;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"{process.StartInfo.ArgumentList[0]} was not ready within 60 s:\n{Output}");
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
