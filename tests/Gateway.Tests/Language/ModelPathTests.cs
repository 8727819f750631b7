using System.Net.Http.Json;
using DeltaStream.Gateway.Ask;
using DeltaStream.Gateway.Insights;

namespace DeltaStream.Gateway.Tests.Language;

/// <summary>Insights and answers through a gateway whose model is the loopback stub.</summary>
public sealed class ModelPathTests(ModelGatewayFactory factory) : IClassFixture<ModelGatewayFactory>
{
    private readonly HttpClient http = factory.CreateSignedInClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_model_rephrases_the_narrative_from_the_signals_it_is_given()
    {
        // The stub rephrases faithfully: the label line and the first signal's evidence from its own prompt.
        factory.Model.Reply = r => Task.FromResult<string?>("In short, " + string.Join(" ", r.User.Split('\n').Where(l => l.StartsWith("Label:", StringComparison.Ordinal) || l.StartsWith("- ", StringComparison.Ordinal)).Take(2)));

        var insight = await GetInsightAsync();

        Assert.Equal("model", insight.NarrativeSource);
        Assert.StartsWith("In short, Label: " + insight.Label, insight.Narrative, StringComparison.Ordinal);
        var prompt = factory.Model.Requests[^1].GetProperty("messages")[1].GetProperty("content").GetString()!;
        Assert.All(insight.Signals.Where(s => s.Value is not null), s => Assert.Contains(s.Evidence, prompt, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reply_that_adds_a_number_is_refused_and_the_template_answers()
    {
        factory.Model.Reply = _ => Task.FromResult<string?>("NIFTY looks bullish; expect 98765.4 by Friday.");

        var insight = await GetInsightAsync();

        Assert.Equal("template", insight.NarrativeSource);
        Assert.StartsWith($"NIFTY {insight.Expiry:yyyy-MM-dd} reads {insight.Label}", insight.Narrative, StringComparison.Ordinal);
        Assert.DoesNotContain("98765.4", insight.Narrative, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_model_an_answer_is_composed_from_the_passages_citing_them()
    {
        await SharedDocsIndex.ReadyAsync();
        factory.Model.Reply = r => Task.FromResult<string?>(r.User.Contains("[1] (README.md#feed-entries", StringComparison.Ordinal)
            ? "Append them with XADD to the partition's stream [1]."
            : "The passages do not say.");

        var response = await http.PostAsJsonAsync("/api/v1/ask", new { question = "how do I write ticks from my own program?" }, Cancel);
        var answer = await response.Content.ReadFromJsonAsync<AskResponse>(Market.Json, Cancel);

        Assert.Equal("Append them with XADD to the partition's stream [1].", answer!.Answer);
        Assert.Equal("README.md#feed-entries-writing-ticks-from-any-program", answer.Passages[0].Source);
    }

    private async Task<InsightResponse> GetInsightAsync() =>
        (await http.GetFromJsonAsync<InsightResponse>("/api/v1/insights/NIFTY", Market.Json, Cancel))!;
}
