using System.Net;
using System.Net.Sockets;
using DeltaStream.Testing;

namespace DeltaStream.Providers.MongoDB.Tests;

/// <summary>
/// A loopback TCP relay in front of the test MongoDB server: <see cref="Stop"/> closes the listener and every
/// relayed connection (to the clients, MongoDB is gone), <see cref="Start"/> listens again on the same port. It
/// stages an outage without losing the server's data, whichever server the tests run against.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly List<TcpClient> connections = [];
    private TcpListener? listener;
    private CancellationTokenSource? running;
    private Task accepting = Task.CompletedTask;

    public TcpRelay(string targetHost, int targetPort)
    {
        (this.targetHost, this.targetPort) = (targetHost, targetPort);
        Port = LoopbackPorts.Next();
    }

    public int Port { get; }

    public void Start()
    {
        running = new CancellationTokenSource();
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        accepting = AcceptAsync(listener, running.Token);
    }

    public async Task StopAsync()
    {
        if (running is null)
        {
            return;
        }

        await running.CancelAsync();
        listener!.Stop();
        await accepting;
        lock (connections)
        {
            connections.ForEach(c => c.Dispose());
            connections.Clear();
        }

        running.Dispose();
        running = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task AcceptAsync(TcpListener server, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await server.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var upstream = new TcpClient();
            lock (connections)
            {
                connections.Add(client);
                connections.Add(upstream);
            }

            _ = RelayAsync(client, upstream, cancellationToken);
        }
    }

    private async Task RelayAsync(TcpClient client, TcpClient upstream, CancellationToken cancellationToken)
    {
        try
        {
            await upstream.ConnectAsync(targetHost, targetPort, cancellationToken);
            var down = client.GetStream();
            var up = upstream.GetStream();
            await Task.WhenAny(down.CopyToAsync(up, cancellationToken), up.CopyToAsync(down, cancellationToken));
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The relay was stopped or a side closed: the other side is closed below, as a dead server would be.
        }
        finally
        {
            client.Dispose();
            upstream.Dispose();
        }
    }
}
