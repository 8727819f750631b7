using System.Buffers.Binary;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace DeltaStream.FanoutBench;

/// <summary>
/// The client side of a WebSocket (RFC 6455) straight on a socket: the upgrade, masked text frames out, and the
/// payload of every text or continuation frame in, concatenated. The driver's 500 clients share the machine with
/// the gateway they measure; ClientWebSocket's layers (HTTP connection, streams, per-frame state machines) cost
/// them more than the frames did, and this is what is left: one socket read per batch of frames.
/// </summary>
internal sealed class SocketWebSocket : IDisposable
{
    private readonly Socket socket;
    private readonly SemaphoreSlim sending = new(1, 1);
    private byte[] received = new byte[64 * 1024];
    private int start;
    private int end;

    private SocketWebSocket(Socket socket) => this.socket = socket;

    public static async Task<SocketWebSocket> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(uri.Host, uri.Port, cancellationToken);
        var client = new SocketWebSocket(socket);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        await socket.SendAsync(Encoding.ASCII.GetBytes(
            $"GET {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"), SocketFlags.None, cancellationToken);
        await client.ReadUpgradeAsync(cancellationToken);
        return client;
    }

    /// <summary>Sends one text message in one masked frame.</summary>
    public Task SendTextAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => SendFrameAsync(0x81, payload, cancellationToken);

    /// <summary>
    /// Reads from the socket and appends the payload of every whole text or continuation frame to
    /// <paramref name="text"/>; false once the server closed. Pings are answered, other control frames dropped.
    /// </summary>
    public async ValueTask<bool> ReceiveAsync(TextBuffer text, CancellationToken cancellationToken)
    {
        if (end == received.Length)
        {
            Compact();
        }

        var read = await socket.ReceiveAsync(received.AsMemory(end), SocketFlags.None, cancellationToken);
        if (read == 0)
        {
            return false;
        }

        end += read;
        while (TryFrame(out var opcode, out var payloadStart, out var payloadLength))
        {
            var payload = received.AsMemory(payloadStart, payloadLength);
            start = payloadStart + payloadLength;
            switch (opcode)
            {
                case 0x0 or 0x1:
                    text.Append(payload.Span);
                    break;
                case 0x8:
                    return false;
                case 0x9:
                    await SendFrameAsync(0x8A, payload, cancellationToken);
                    break;
            }
        }

        return true;
    }

    public void Dispose()
    {
        socket.Dispose();
        sending.Dispose();
    }

    private bool TryFrame(out int opcode, out int payloadStart, out int payloadLength)
    {
        (opcode, payloadStart, payloadLength) = (0, 0, 0);
        var available = received.AsSpan(start, end - start);
        if (available.Length < 2)
        {
            return false;
        }

        opcode = available[0] & 0x0F;
        var length = (long)(available[1] & 0x7F);
        var header = 2;
        if (length == 126)
        {
            if (available.Length < 4)
            {
                return false;
            }

            length = BinaryPrimitives.ReadUInt16BigEndian(available[2..]);
            header = 4;
        }
        else if (length == 127)
        {
            if (available.Length < 10)
            {
                return false;
            }

            length = BinaryPrimitives.ReadInt64BigEndian(available[2..]);
            header = 10;
        }

        if (header + length > received.Length)
        {
            // A frame larger than the buffer: grow it, keeping what is there.
            Array.Resize(ref received, (int)Math.Max(received.Length * 2L, header + length));
        }

        if (available.Length < header + length)
        {
            if (start > 0 && end == received.Length)
            {
                Compact();
            }

            return false;
        }

        (payloadStart, payloadLength) = (start + header, (int)length);
        return true;
    }

    private void Compact()
    {
        received.AsSpan(start, end - start).CopyTo(received);
        (end, start) = (end - start, 0);
    }

    /// <summary>One final frame (<paramref name="first"/>: FIN and opcode) with its payload masked, as a client's must be.</summary>
    private async Task SendFrameAsync(byte first, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var header = payload.Length < 126 ? 2 : 4;
        var frame = new byte[header + 4 + payload.Length];
        frame[0] = first;
        if (header == 2)
        {
            frame[1] = (byte)(0x80 | payload.Length);
        }
        else
        {
            frame[1] = 0x80 | 126;
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), checked((ushort)payload.Length));
        }

        var mask = frame.AsSpan(header, 4);
        RandomNumberGenerator.Fill(mask);
        var body = frame.AsSpan(header + 4);
        payload.Span.CopyTo(body);
        for (var i = 0; i < body.Length; i++)
        {
            body[i] ^= mask[i & 3];
        }

        await sending.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(frame, SocketFlags.None, cancellationToken);
        }
        finally
        {
            sending.Release();
        }
    }

    private async Task ReadUpgradeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await socket.ReceiveAsync(received.AsMemory(end), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                throw new IOException("The gateway closed the connection during the WebSocket upgrade.");
            }

            end += read;
            var headerEnd = received.AsSpan(0, end).IndexOf("\r\n\r\n"u8);
            if (headerEnd < 0)
            {
                continue;
            }

            var status = Encoding.ASCII.GetString(received, 0, received.AsSpan(0, end).IndexOf("\r\n"u8));
            if (!status.Contains(" 101 ", StringComparison.Ordinal))
            {
                throw new IOException("The gateway refused the WebSocket upgrade: " + status);
            }

            start = headerEnd + 4;
            return;
        }
    }
}
