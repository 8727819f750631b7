using System.Text.Json;

namespace DeltaStream.Gateway.Api.Limits;

/// <summary>
/// Reads a JSON body by hand where the converters bound it while reading (too many legs, too deep) and the 400 should
/// say which field and why, which model binding's bare 400 does not.
/// </summary>
internal static class JsonBody
{
    /// <summary>The body (null for an empty body or JSON null), or the problem to answer instead.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options)
        where T : class
    {
        if (request.ContentLength == 0)
        {
            return (null, null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem("The body must be JSON (Content-Type: application/json).", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type"));
        }

        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted), null);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            return (null, Problems.Invalid(field, $"The body is not a valid request: {ex.Message}"));
        }
    }
}
