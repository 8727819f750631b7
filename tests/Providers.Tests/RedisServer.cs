using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace DeltaStream.Providers.Tests;

/// <summary>
/// A real redis-server as a child process on a free loopback port, without persistence; it can be killed and
/// started again on the same port (the Redis-restart case). scripts/test.sh installs redis-server.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string? directory;
    private readonly string fsync;
    private readonly string? password;
    private Process? process;

    /// <param name="durable">Keep an append-only file in a temporary directory, so a restart keeps the data.</param>
    /// <param name="fsync">The AOF's appendfsync policy: "always" (a restart loses nothing acknowledged) or "everysec".</param>
    /// <param name="password">requirepass: clients must authenticate with it, as a production Redis asks.</param>
    public RedisServer(bool durable = false, string fsync = "always", string? password = null)
    {
        this.fsync = fsync;
        this.password = password;
        directory = durable ? Directory.CreateTempSubdirectory("deltastream-redis-").FullName : null;
        Port = DeltaStream.Testing.LoopbackPorts.Next();
    }

    public int Port { get; }

    public string ConnectionString => password is null ? $"127.0.0.1:{Port}" : $"127.0.0.1:{Port},password={password}";

    public async Task StartAsync()
    {
        process = Process.Start(new ProcessStartInfo("redis-server")
        {
            ArgumentList =
            {
                "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", directory is null ? "no" : "yes", "--appendfsync", fsync, "--dir", directory ?? Path.GetTempPath(),
                "--requirepass", password ?? "",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start; install it (scripts/test.sh does)");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
                await probe.GetDatabase().PingAsync();
                return;
            }
            // A restarted server answers LOADING while it reads its append-only file back.
            catch (RedisException ex) when ((ex is RedisConnectionException || ex.Message.StartsWith("LOADING", StringComparison.Ordinal))
                && clock.Elapsed < TimeSpan.FromSeconds(20) && !process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (directory is not null)
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
