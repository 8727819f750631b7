using System.Diagnostics;

namespace DeltaStream.Gateway.Tests;

public sealed class TracingTests(TracingGatewayFactory factory) : IClassFixture<TracingGatewayFactory>
{
    [Fact]
    public async Task A_rest_call_and_the_grain_calls_it_makes_share_the_callers_trace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var http = factory.CreateSignedInClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/underlyings/SPY");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();

        // Spans are recorded as their activities stop, the request's own just after the response is written.
        var clock = Stopwatch.StartNew();
        List<Activity> trace;
        while ((trace = [.. factory.Spans.Where(s => s.TraceId == traceId)]) is var found
               && !(found.Any(s => s.Kind == ActivityKind.Server && s.Source.Name == "Microsoft.AspNetCore")
                    && found.Any(s => s.Kind == ActivityKind.Server && s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal))))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "spans of the trace: " + string.Join(", ", found.Select(s => $"{s.Source.Name} {s.Kind} {s.DisplayName}")));
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        var server = trace.Single(s => s.Source.Name == "Microsoft.AspNetCore");
        var grainCall = trace.First(s => s.Kind == ActivityKind.Client && s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));
        Assert.Contains("UnderlyingGrain", grainCall.DisplayName, StringComparison.Ordinal);
        Assert.Contains(server, Ancestors(grainCall, trace));
    }

    private static IEnumerable<Activity> Ancestors(Activity span, List<Activity> trace)
    {
        for (var current = span; current is not null; current = trace.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
        {
            yield return current;
        }
    }
}
