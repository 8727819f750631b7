using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

[assembly: AssemblyFixture(typeof(DeltaStream.EndToEnd.Tests.GatewayProcess))]

namespace DeltaStream.EndToEnd.Tests;

/// <summary>
/// The Gateway started as a new user starts it (its own process, embedded mode, --urls on loopback), on free
/// ports; stopped and killed with the tests.
/// </summary>
public sealed class GatewayProcess : IAsyncLifetime
{
    private readonly Process process = new();
    private readonly System.Text.StringBuilder output = new();

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{FreePort()}/");

    public async ValueTask InitializeAsync()
    {
        var info = process.StartInfo;
        info.FileName = "dotnet";
        info.ArgumentList.Add(RepositoryLayout.GatewayAssembly);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        info.WorkingDirectory = Path.Combine(RepositoryLayout.Root, "src", "Gateway");
        info.Environment["DeltaStream__Cluster__SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture);
        info.Environment["DeltaStream__Cluster__GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"{info.FileName} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync(new Uri("health/ready", UriKind.Relative))).IsSuccessStatusCode)
                {
                    StartupTime = deadline.Elapsed;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"The gateway was not ready within 60 s:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

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

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
