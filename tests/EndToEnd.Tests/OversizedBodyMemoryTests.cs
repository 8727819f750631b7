using System.Net;
using System.Net.Http.Headers;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>
/// The review's attack, on a real gateway process: sixteen concurrent anonymous 28 MB bodies to POST /auth/logout
/// (a 4 KB endpoint) once took the gateway from 1 GB to 2 GB of memory for good. Now each is refused with 413 while
/// it is read, and the process's resident memory stays where it was.
/// </summary>
public sealed class OversizedBodyMemoryTests
{
    private const int Clients = 16;
    private const int BodyBytes = 28 * 1024 * 1024;
    private const long Headroom = 100L * 1024 * 1024;

    [Fact]
    public async Task A_burst_of_oversized_bodies_is_refused_and_the_gateway_memory_stays_flat()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = await HostProcess.StartAsync("Gateway", new Dictionary<string, string>
        {
            ["DeltaStream__Cluster__SiloPort"] = HostProcess.FreePortText(),
            ["DeltaStream__Cluster__GatewayPort"] = HostProcess.FreePortText(),
            // The docs index would otherwise be built in the background during the burst and move the figure.
            ["DeltaStream__Ask__Index"] = "FirstQuestion",
            ["DeltaStream__Feed__Enabled"] = "false",
        });
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("api/v1/auth/logout", Json("{}"), ct)).StatusCode);
        var before = gateway.ResidentBytes();

        foreach (var chunked in new[] { false, true })
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => SendOversizedAsync(gateway.BaseAddress, chunked, ct)));
            Assert.All(answers, status => Assert.True(status is HttpStatusCode.RequestEntityTooLarge or null, $"{(chunked ? "chunked" : "declared")} body answered {status}"));
        }

        var after = gateway.ResidentBytes();
        Assert.True(after - before < Headroom, $"resident memory grew from {before / 1048576} MB to {after / 1048576} MB under {Clients} x 2 bodies of {BodyBytes / 1048576} MB");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("api/v1/auth/logout", Json("{}"), ct)).StatusCode);
    }

    /// <summary>
    /// The status answered, or null when the gateway answered and closed the connection before the client finished
    /// sending, so the client saw only the closed connection (a refusal too; RequestLimitTests reads the 413 itself).
    /// </summary>
    private static async Task<HttpStatusCode?> SendOversizedAsync(Uri gateway, bool chunked, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        using var content = new StreamContent(new SpaceStream(BodyBytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (!chunked)
        {
            content.Headers.ContentLength = BodyBytes;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/auth/logout") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    /// <summary>A body of spaces that is never held in memory: the client side of the burst costs nothing either.</summary>
    private sealed class SpaceStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
