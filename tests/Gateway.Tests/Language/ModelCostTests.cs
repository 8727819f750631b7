using System.Net;
using System.Net.Http.Json;
using DeltaStream.Gateway.Insights;
using DeltaStream.Testing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Gateway.Tests.Language;

/// <summary>The model is asked once per chain reading and per question, and at most a budget of times per user.</summary>
public sealed class ModelCostTests(QuietModelGatewayFactory factory) : IClassFixture<QuietModelGatewayFactory>
{
    private const string Symbol = "NIFTY";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_insight_calls_the_model_once_per_chain_state_and_again_when_the_chain_changes()
    {
        using var http = factory.CreateSignedInClient();
        await factory.PublishRoundAsync(Symbol, 0);
        var first = await SettledPromptAsync(previous: null);
        var before = factory.Model.Requests.Count;

        var a = await InsightAsync(http);
        var b = await InsightAsync(http);
        var afterSameState = factory.Model.Requests.Count;

        await factory.PublishRoundAsync(Symbol, 1);
        await SettledPromptAsync(previous: first);
        var c = await InsightAsync(http);
        var d = await InsightAsync(http);
        var afterChange = factory.Model.Requests.Count;

        Assert.All([a, b, c, d], i => Assert.Equal("model", i.NarrativeSource));
        Assert.Equal(before + 1, afterSameState);
        Assert.Equal(afterSameState + 1, afterChange);
    }

    [Fact]
    public async Task A_question_calls_the_model_once_and_another_question_calls_it_again()
    {
        await SharedDocsIndex.ReadyAsync();
        using var http = factory.CreateSignedInClient();
        var before = factory.Model.Requests.Count;

        await AskAsync(http, "how do I write ticks from my own program?");
        await AskAsync(http, "how do I write ticks from my own program?");
        var afterSame = factory.Model.Requests.Count;
        await AskAsync(http, "which settings bound the request body?");
        var afterOther = factory.Model.Requests.Count;

        Assert.Equal(before + 1, afterSame);
        Assert.Equal(afterSame + 1, afterOther);
    }

    [Fact]
    public async Task A_user_over_the_model_budget_gets_429_with_retry_after_while_kept_answers_still_come()
    {
        await SharedDocsIndex.ReadyAsync();
        using var http = factory.CreateClient();
        TestAccounts.Authorize(http, await TestAccounts.RegisterAsync(http, cancellationToken: Cancel));
        for (var i = 0; i < QuietModelGatewayFactory.ModelCallsPerUser; i++)
        {
            await AskAsync(http, $"budget question number {(char)('a' + i)} about hubs");
        }

        using var over = await http.PostAsJsonAsync("/api/v1/ask", new { question = "one question too many about hubs" }, Cancel);
        var problem = await over.Content.ReadFromJsonAsync<ProblemDetails>(Cancel);
        using var kept = await http.PostAsJsonAsync("/api/v1/ask", new { question = "budget question number a about hubs" }, Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.True(over.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", over.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"At most {QuietModelGatewayFactory.ModelCallsPerUser} language-model calls", problem!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    private static async Task AskAsync(HttpClient http, string question)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/ask", new { question }, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<InsightResponse> InsightAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<InsightResponse>($"/api/v1/insights/{Symbol}", Market.Json, Cancel))!;

    /// <summary>
    /// The front chain's model prompt once a published round has settled: different from <paramref name="previous"/>
    /// and the same on two reads a few publications apart (stream delivery and publication are asynchronous).
    /// </summary>
    private async Task<string> SettledPromptAsync(string? previous)
    {
        var directory = factory.Services.GetRequiredService<DeltaStream.Gateway.Api.MarketDirectory>();
        var source = factory.Services.GetRequiredService<PulseSource>();
        Assert.True(directory.TryResolveSymbol(Symbol, out var instrument));
        var expiry = directory.Catalog.Expiries(instrument)[0];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var last = "";
        while (true)
        {
            var prompt = InsightNarrator.Prompt(await source.ReadAsync(instrument, expiry, timeout.Token));
            if (prompt == last && prompt != previous && prompt.Contains("- ", StringComparison.Ordinal))
            {
                return prompt;
            }

            last = prompt;
            await Task.Delay(TimeSpan.FromMilliseconds(300), timeout.Token);
        }
    }
}
