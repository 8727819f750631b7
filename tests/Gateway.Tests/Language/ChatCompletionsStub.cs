using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DeltaStream.Gateway.Tests.Language;

/// <summary>
/// A language model stand-in on a loopback port speaking the OpenAI chat-completions API
/// (<c>POST /v1/chat/completions</c>): each request is recorded and answered by <see cref="Reply"/>, which sees the
/// request's messages and the attempt number and returns the assistant's text, or null for a 500.
/// </summary>
public sealed class ChatCompletionsStub : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<JsonElement> requests = [];
    private readonly Lock gate = new();

    private ChatCompletionsStub(WebApplication app) => this.app = app;

    public Func<StubRequest, Task<string?>> Reply { get; set; } = r => Task.FromResult<string?>("ok");

    public Uri Endpoint => new($"{app.Urls.First()}/v1");

    public IReadOnlyList<JsonElement> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    public static async Task<ChatCompletionsStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new ChatCompletionsStub(app);
        app.MapPost("/v1/chat/completions", (Delegate)stub.CompleteAsync);
        await app.StartAsync();
        return stub;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task<IResult> CompleteAsync(HttpContext context)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: context.RequestAborted);
        int attempt;
        lock (gate)
        {
            requests.Add(body);
            attempt = requests.Count;
        }

        var messages = body.GetProperty("messages").EnumerateArray().ToDictionary(m => m.GetProperty("role").GetString()!, m => m.GetProperty("content").GetString()!);
        var text = await Reply(new StubRequest(messages.GetValueOrDefault("system", ""), messages.GetValueOrDefault("user", ""), attempt, context.RequestAborted));
        if (text is null)
        {
            return Results.Problem("stub failure", statusCode: 500);
        }

        return Results.Json(new
        {
            id = $"chatcmpl-{attempt}",
            @object = "chat.completion",
            created = 1_764_000_000,
            model = body.GetProperty("model").GetString(),
            choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
        });
    }
}

/// <summary>What the stub was asked: the system and user messages, which request this is (1 = first), and its abort signal.</summary>
public sealed record StubRequest(string System, string User, int Attempt, CancellationToken Aborted);
