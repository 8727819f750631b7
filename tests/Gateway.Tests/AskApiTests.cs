using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DeltaStream.Gateway.Ask;

namespace DeltaStream.Gateway.Tests;

/// <summary>POST /api/v1/ask over the docs the gateway ships, with the real MiniLM model; its rejections and its auth.</summary>
public sealed class AskApiTests(GatewayFactory factory)
{
    private readonly HttpClient http = factory.CreateSignedInClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writing_ticks_from_ones_own_program_is_answered_with_the_readme_feed_entry_passage_first()
    {
        await SharedDocsIndex.ReadyAsync();
        var response = await http.PostAsJsonAsync("/api/v1/ask", new { question = "how do I write ticks from my own program?" }, Cancel);
        var answer = await response.Content.ReadFromJsonAsync<AskResponse>(Market.Json, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(answer!.Answer);
        Assert.Equal(3, answer.Passages.Count);
        Assert.Equal("README.md#feed-entries-writing-ticks-from-any-program", answer.Passages[0].Source);
        Assert.Contains("XADD", answer.Passages[0].Text, StringComparison.Ordinal);
        Assert.Equal(answer.Passages.OrderByDescending(p => p.Score).Select(p => p.Score), answer.Passages.Select(p => p.Score));
    }

    [Fact]
    public async Task A_question_may_ask_for_more_passages()
    {
        await SharedDocsIndex.ReadyAsync();
        var answer = await (await http.PostAsJsonAsync("/api/v1/ask", new { question = "what is the gamma flip?", passages = 5 }, Cancel))
            .Content.ReadFromJsonAsync<AskResponse>(Market.Json, Cancel);

        Assert.Equal(5, answer!.Passages.Count);
        Assert.All(answer.Passages, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"question":""}""", "question" },
        { """{"question":"   "}""", "question" },
        { """{}""", "question" },
        { $$"""{"question":"{{new string('x', 501)}}"}""", "question" },
        { """{"question":"what?","passages":0}""", "passages" },
        { """{"question":"what?","passages":11}""", "passages" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_missing_or_oversized_question_is_a_400_naming_the_field(string body, string field)
    {
        var response = await http.PostAsync("/api/v1/ask", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_problem()
    {
        var response = await http.PostAsync("/api/v1/ask", new StringContent("question?", Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Anonymous_questions_get_a_401()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/v1/ask", new { question = "how do I run it?" }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
