using System.Text.Json;
using System.Text.Json.Nodes;
using DeltaStream.Testing;

namespace DeltaStream.Gateway.Tests;

/// <summary>
/// The OpenAPI document is the contract clients are generated from: every route states what it answers, and the
/// document served equals docs/openapi/v1.json, so a contract change shows up in review as a change to that file.
/// After an intended change, regenerate it with <c>DELTASTREAM_UPDATE_OPENAPI=1</c> and this test class.
/// </summary>
public sealed class OpenApiContractTests(GatewayFactory factory)
{
    private const string UpdateVariable = "DELTASTREAM_UPDATE_OPENAPI";
    private static readonly string ContractFile = Path.Combine(RepositoryRoot.Path, "docs", "openapi", "v1.json");
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Every_route_declares_its_success_response_with_a_schema_and_its_errors_as_problem_details()
    {
        var document = await ServedAsync();
        var operations = Operations(document).ToList();
        Assert.NotEmpty(operations);

        foreach (var (route, responses) in operations)
        {
            var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
            Assert.True(success.Count > 0, $"{route} declares no success response");
            foreach (var (status, response) in success.Where(r => r.Key != "204"))
            {
                var content = response?["content"]?.AsObject();
                Assert.True(content is { Count: > 0 } && content.All(c => c.Value?["schema"] is not null), $"{route} answers {status} without a schema");
            }

            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                var content = response?["content"]?.AsObject();
                Assert.True(content is not null && content.ContainsKey("application/problem+json"), $"{route} answers {status} without ProblemDetails");
            }
        }
    }

    [Fact]
    public async Task The_served_document_equals_the_reviewed_contract_in_docs_openapi()
    {
        var served = Canonical(await ServedAsync());
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(ContractFile)!);
            await File.WriteAllTextAsync(ContractFile, served, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(ContractFile), $"{ContractFile} is missing: run this test with {UpdateVariable}=1 to write it");
        var reviewed = (await File.ReadAllTextAsync(ContractFile, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n");
        Assert.True(reviewed == served, $"The API contract changed: review the difference and run this test with {UpdateVariable}=1 to update {ContractFile}");
    }

    private async Task<JsonObject> ServedAsync()
    {
        using var http = factory.CreateClient();
        var text = await http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The document without its servers (they name the address this test host happened to get).</summary>
    private static string Canonical(JsonObject document)
    {
        document.Remove("servers");
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
    }

    private static IEnumerable<(string Route, IReadOnlyList<KeyValuePair<string, JsonNode?>> Responses)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from method in Methods
        let operation = path.Value?[method]
        where operation is not null
        select ($"{method.ToUpperInvariant()} {path.Key}", (IReadOnlyList<KeyValuePair<string, JsonNode?>>)(operation["responses"]?.AsObject().ToList() ?? []));
}
