using DeltaStream.Gateway.Api;
using DeltaStream.Gateway.Api.Limits;
using DeltaStream.Gateway.Language;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Ask;

/// <summary>API.md <c>POST /api/v1/ask</c>: semantic search over DeltaStream's own docs. Mapped into the data group (auth, rate limit).</summary>
internal static class AskEndpoints
{
    public static RouteGroupBuilder MapAskApi(this RouteGroupBuilder api)
    {
        api.MapPost("/ask", AskAsync).WithName("Ask").WithTags("Insights").WithBodyLimit(RequestBodyLimit.Ask)
            .Produces<AskResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static async Task<IResult> AskAsync(AskRequest? request, DocsIndex index, AnswerComposer composer, IOptions<AskOptions> options, HttpContext http)
    {
        var limits = options.Value;
        var question = request?.Question?.Trim();
        if (string.IsNullOrEmpty(question))
        {
            return Problems.Invalid("question", "question is required: a question about DeltaStream in plain words.");
        }

        if (question.Length > limits.MaxQuestionLength)
        {
            return Problems.Invalid("question", $"question must be at most {limits.MaxQuestionLength} characters; got {question.Length}.");
        }

        if (request!.Passages is < 1 or > 10)
        {
            return Problems.Invalid("passages", $"passages must be a whole number from 1 to 10; got {request.Passages}.");
        }

        var ready = index.ReadyAsync();
        try
        {
            var search = await ready.WaitAsync(http.RequestAborted);
            var hits = search.Search(question, request.Passages ?? limits.Passages, http.RequestAborted);
            var answer = await composer.ComposeAsync(question, hits, ModelCaller.Of(http), http.RequestAborted);
            return TypedResults.Ok(new AskResponse(answer, [.. hits.Select(h => new AskPassage(h.Passage.Text, h.Passage.Source, h.Score))]));
        }
        catch (ModelBudgetExceededException e)
        {
            return new RetryLaterResult(e.RetryAfterSeconds, e.Message);
        }
        catch (Exception ex) when (ready.IsFaulted && ex is not OperationCanceledException)
        {
            return TypedResults.Problem($"The docs index could not be built: {ex.Message}", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Docs index unavailable");
        }
    }
}
