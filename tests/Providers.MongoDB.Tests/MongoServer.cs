using System.Diagnostics;
using System.Globalization;
using DeltaStream.Testing;
using MongoDB.Bson;
using MongoDB.Driver;

namespace DeltaStream.Providers.MongoDB.Tests;

/// <summary>
/// A real server speaking the MongoDB wire protocol for the tests, chosen in this order: the server named by
/// DELTASTREAM_TEST_MONGO (a connection string; nothing is started), a <c>mongod</c> on PATH, else the repository's
/// stand-in (scripts/mongo-standin: CongoDB, installed on first use). A started server listens on a free loopback
/// port and is stopped when the tests end. Each test takes its own database (<see cref="NewDatabaseName"/>).
/// </summary>
public sealed class MongoServer : IAsyncLifetime
{
    public const string ConnectionVariable = "DELTASTREAM_TEST_MONGO";

    private Process? process;
    private string? dataDirectory;
    private MongoUrl url = null!;

    /// <summary>What runs the tests' MongoDB: "external", "mongod" or "stand-in".</summary>
    public string Kind { get; private set; } = "";

    public int Port => url.Server.Port;

    public string Host => url.Server.Host;

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } external)
        {
            Kind = "external";
            url = MongoUrl.Create(external);
        }
        else if (FindOnPath("mongod") is { } mongod)
        {
            Kind = "mongod";
            var port = LoopbackPorts.Next();
            dataDirectory = Directory.CreateTempSubdirectory("deltastream-mongod-").FullName;
            process = Start(mongod, "--port", port.ToString(CultureInfo.InvariantCulture), "--bind_ip", "127.0.0.1", "--dbpath", dataDirectory, "--logpath", Path.Combine(dataDirectory, "mongod.log"));
            url = MongoUrl.Create($"mongodb://127.0.0.1:{port}");
        }
        else
        {
            Kind = "stand-in";
            url = MongoUrl.Create($"mongodb://127.0.0.1:{await StartStandInAsync()}");
        }

        await WaitUntilAnsweringAsync();
    }

    /// <summary>A connection string to <paramref name="database"/> on this server (with the external server's options).</summary>
    public string ConnectionString(string database) => new MongoUrlBuilder(url.ToString()) { DatabaseName = database }.ToString();

    /// <summary>A connection string to <paramref name="database"/> through another endpoint (a relay) in front of this server.</summary>
    public string ConnectionString(string database, int port) =>
        new MongoUrlBuilder(url.ToString()) { DatabaseName = database, Server = new MongoServerAddress("127.0.0.1", port), DirectConnection = true }.ToString();

    /// <summary>A fresh database name (MongoDB allows 63 characters): keep <paramref name="purpose"/> short.</summary>
    public static string NewDatabaseName(string purpose) => $"ds_{purpose}_{Guid.NewGuid():N}";

    public IMongoDatabase Database(string name) => new MongoClient(url).GetDatabase(name);

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process?.Dispose();
        if (dataDirectory is not null)
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private async Task<int> StartStandInAsync()
    {
        var scripts = Path.Combine(RepositoryRoot.Path, "scripts", "mongo-standin");
        using (var install = Start("bash", Path.Combine(scripts, "install.sh")))
        {
            await install.WaitForExitAsync();
            if (install.ExitCode != 0)
            {
                throw new InvalidOperationException($"scripts/mongo-standin/install.sh failed ({install.ExitCode}): {await install.StandardError.ReadToEndAsync()}");
            }
        }

        process = Start("node", Path.Combine(scripts, "server.mjs"), "--port", "0");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The MongoDB stand-in did not start: {line} {await process.StandardError.ReadToEndAsync()}");
        }

        return int.Parse(line["listening ".Length..], CultureInfo.InvariantCulture);
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var clock = Stopwatch.StartNew();
        var admin = new MongoClient(url).GetDatabase("admin");
        while (true)
        {
            try
            {
                await admin.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1));
                return;
            }
            catch (Exception ex) when ((ex is MongoException or TimeoutException) && clock.Elapsed < TimeSpan.FromSeconds(60) && process is not { HasExited: true })
            {
                await Task.Delay(100);
            }
        }
    }

    private static Process Start(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
