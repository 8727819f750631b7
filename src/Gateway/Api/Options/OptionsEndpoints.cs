using System.Globalization;
using DeltaStream.Grains;
using DeltaStream.Ticks;

namespace DeltaStream.Gateway.Api.Options;

/// <summary>One option contract by name, read from its chain's snapshot.</summary>
internal static class OptionsEndpoints
{
    public static RouteGroupBuilder MapOptionsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/options").WithTags("Market data");
        api.MapGet("/{contract}", GetContractAsync).WithName("GetOptionContract")
            .Produces<OptionContractResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> GetContractAsync(string contract, MarketDirectory directory, IGrainFactory grains)
    {
        if (!OptionContract.TryParse(contract, out var parsed))
        {
            return Problems.Invalid("contract", $"'{Truncate(contract)}' is not a contract name: {OptionContract.FormatHint}");
        }

        var chain = directory.ResolveChain(parsed.Symbol, parsed.Expiry.ToString(ChainId.ExpiryFormat, CultureInfo.InvariantCulture));
        if (!chain.IsOk)
        {
            return Problems.From(chain.Error, chain.Detail);
        }

        var snapshot = await grains.GetGrain<IOptionChainGrain>(chain.Value.ToString()).GetSnapshot();
        var row = snapshot.Strikes.FirstOrDefault(r => r.Strike == parsed.Strike);
        if (row is null)
        {
            var range = snapshot.Strikes.Count == 0 ? "it has no strikes yet" : $"its strikes run from {snapshot.Strikes[0].Strike} to {snapshot.Strikes[^1].Strike}";
            return TypedResults.Problem(
                string.Create(CultureInfo.InvariantCulture, $"{chain.Value} has no strike {parsed.Strike}; {range}."), statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        return TypedResults.Ok(new OptionContractResponse(
            contract.ToUpperInvariant(), snapshot.Symbol, snapshot.Expiry, row.Strike, parsed.Right, snapshot.Spot, snapshot.Forward, snapshot.Model,
            snapshot.TimeToExpiry, snapshot.UpdatedAt, parsed.Right == OptionRight.Call ? row.Call : row.Put));
    }

    private static string Truncate(string text) => text.Length <= OptionContract.MaxLength ? text : text[..OptionContract.MaxLength] + "…";
}
