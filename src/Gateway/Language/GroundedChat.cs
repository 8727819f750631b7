using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics.Metrics;
using DeltaStream.Gateway.Realtime;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace DeltaStream.Gateway.Language;

/// <summary>
/// One chat turn with the configured model (Microsoft.Extensions.AI <see cref="IChatClient"/> over the OpenAI
/// chat-completions API), bounded by a per-attempt timeout, retries of transient failures and a circuit breaker, and
/// checked by <see cref="NumberGuard"/> against the prompt. Every failure gives a reply without text, so callers fall
/// back to their templates; it is counted in <c>language_model.fallbacks{outcome}</c> and logged.
/// </summary>
internal sealed class GroundedChat : IDisposable
{
    private static readonly Meter Meter = new(RealtimeMetrics.MeterName);
    private static readonly Counter<long> Fallbacks = Meter.CreateCounter<long>("language_model.fallbacks", description: "Model replies not used (refused or unavailable); the templates answered");

    private readonly IChatClient? client;
    private readonly ResiliencePipeline pipeline;
    private readonly ILogger<GroundedChat> logger;

    public GroundedChat(IOptions<LanguageModelOptions> options, ILogger<GroundedChat> logger)
        : this(options.Value, logger)
    {
    }

    public GroundedChat(LanguageModelOptions options, ILogger<GroundedChat> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.logger = logger;
        pipeline = Pipeline(options);
        if (options.Endpoint is { } endpoint)
        {
            // The pipeline owns retries and timeouts; the SDK's own would multiply them.
            var clientOptions = new OpenAIClientOptions { Endpoint = endpoint, RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = options.Timeout };
            client = new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey), clientOptions)
                .GetChatClient(options.Model).AsIChatClient();
        }
    }

    public bool IsConfigured => client is not null;

    public async Task<GroundedReply> CompleteAsync(string instructions, string prompt, CancellationToken cancellationToken)
    {
        if (client is null)
        {
            return new GroundedReply(null, ModelOutcome.Off);
        }

        string text;
        try
        {
            var response = await pipeline.ExecuteAsync(
                async token => await client.GetResponseAsync([new ChatMessage(ChatRole.System, instructions), new ChatMessage(ChatRole.User, prompt)], new ChatOptions { Temperature = 0 }, token),
                cancellationToken);
            text = response.Text.Trim();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LanguageLog.Unavailable(logger, ex);
            return Fallback(ModelOutcome.Unavailable);
        }

        if (text.Length == 0)
        {
            LanguageLog.Empty(logger);
            return Fallback(ModelOutcome.Refused);
        }

        if (NumberGuard.Foreign(text, NumberGuard.Numbers(instructions + "\n" + prompt)) is { } foreign)
        {
            LanguageLog.Refused(logger, foreign);
            return Fallback(ModelOutcome.Refused);
        }

        return new GroundedReply(text, ModelOutcome.Accepted);
    }

    public void Dispose() => client?.Dispose();

    private static GroundedReply Fallback(ModelOutcome outcome)
    {
        Fallbacks.Add(1, new KeyValuePair<string, object?>("outcome", outcome == ModelOutcome.Refused ? "refused" : "unavailable"));
        return new GroundedReply(null, outcome);
    }

    private static ResiliencePipeline Pipeline(LanguageModelOptions options)
    {
        var transient = new PredicateBuilder()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .Handle<ClientResultException>(e => e.Status is 0 or 408 or 429 or >= 500);
        var builder = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 1.0,
                MinimumThroughput = options.BreakerFailures,
                SamplingDuration = options.BreakDuration,
                BreakDuration = options.BreakDuration,
            });
        if (options.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.Retries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(200),
                UseJitter = true,
            });
        }

        return builder.AddTimeout(options.Timeout).Build();
    }
}
