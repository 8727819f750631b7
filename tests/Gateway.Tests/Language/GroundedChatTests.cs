using DeltaStream.Gateway.Language;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeltaStream.Gateway.Tests.Language;

/// <summary>The model path against a loopback server speaking the OpenAI chat API: accepted, refused, retried, timed out, broken.</summary>
public sealed class GroundedChatTests : IAsyncLifetime
{
    private const string Prompt = "Chain: SPY 2026-12-04\nLabel: bullish\n- pcrOi (bullish): PCR (OI) is 1.40\n- maxPain (bullish): max pain 24,350 is -1.00% from spot";
    private ChatCompletionsStub stub = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => stub = await ChatCompletionsStub.StartAsync();

    public async ValueTask DisposeAsync() => await stub.DisposeAsync();

    [Fact]
    public async Task A_rephrasing_that_uses_only_the_prompts_numbers_is_accepted()
    {
        stub.Reply = _ => Task.FromResult<string?>("SPY is bullish: PCR 1.4, and max pain (24350) sits 1% below spot.");
        using var chat = Chat();

        var reply = await chat.CompleteAsync("Rephrase.", Prompt, Cancel);

        Assert.Equal(ModelOutcome.Accepted, reply.Outcome);
        Assert.Equal("SPY is bullish: PCR 1.4, and max pain (24350) sits 1% below spot.", reply.Text);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("stub-model", request.GetProperty("model").GetString());
        Assert.Contains("PCR (OI) is 1.40", request.GetProperty("messages")[1].GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_that_adds_a_number_is_refused()
    {
        stub.Reply = _ => Task.FromResult<string?>("SPY is bullish with PCR 1.40; expect 24500 by Friday.");
        using var chat = Chat();

        var reply = await chat.CompleteAsync("Rephrase.", Prompt, Cancel);

        Assert.Equal(ModelOutcome.Refused, reply.Outcome);
        Assert.Null(reply.Text);
    }

    [Fact]
    public async Task A_server_error_is_retried()
    {
        stub.Reply = r => Task.FromResult(r.Attempt == 1 ? null : "SPY is bullish.");
        using var chat = Chat(retries: 1);

        var reply = await chat.CompleteAsync("Rephrase.", Prompt, Cancel);

        Assert.Equal(ModelOutcome.Accepted, reply.Outcome);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_model_slower_than_the_timeout_is_unavailable()
    {
        stub.Reply = async r =>
        {
            await Task.Delay(Timeout.Infinite, r.Aborted);
            return "never";
        };
        using var chat = Chat(timeout: TimeSpan.FromMilliseconds(300));

        var reply = await chat.CompleteAsync("Rephrase.", Prompt, Cancel);

        Assert.Equal(ModelOutcome.Unavailable, reply.Outcome);
        Assert.Null(reply.Text);
    }

    [Fact]
    public async Task Repeated_failures_open_the_circuit_and_later_calls_do_not_reach_the_model()
    {
        stub.Reply = _ => Task.FromResult<string?>(null);
        using var chat = Chat(retries: 0, breakerFailures: 2);

        var first = await chat.CompleteAsync("Rephrase.", Prompt, Cancel);
        var second = await chat.CompleteAsync("Rephrase.", Prompt, Cancel);
        stub.Reply = _ => Task.FromResult<string?>("SPY is bullish.");
        var third = await chat.CompleteAsync("Rephrase.", Prompt, Cancel);

        Assert.Equal([ModelOutcome.Unavailable, ModelOutcome.Unavailable, ModelOutcome.Unavailable], [first.Outcome, second.Outcome, third.Outcome]);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Without_an_endpoint_the_model_is_off()
    {
        using var chat = new GroundedChat(new LanguageModelOptions(), NullLogger<GroundedChat>.Instance);

        var reply = await chat.CompleteAsync("Rephrase.", Prompt, Cancel);

        Assert.False(chat.IsConfigured);
        Assert.Equal(ModelOutcome.Off, reply.Outcome);
    }

    private GroundedChat Chat(int retries = 1, int breakerFailures = 5, TimeSpan? timeout = null) =>
        new(new LanguageModelOptions
        {
            Endpoint = stub.Endpoint,
            Model = "stub-model",
            Retries = retries,
            BreakerFailures = breakerFailures,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
        }, NullLogger<GroundedChat>.Instance);
}
