using DeltaStream.Analytics.Chain;
using DeltaStream.Snapshots;

namespace DeltaStream.Gateway.Api.Analytics;

/// <summary>Maps chain snapshots onto <see cref="DealerExposure"/>: each chain at its own level, the symbol's spot from the first chain that has one.</summary>
internal static class ChainExposure
{
    public static DealerExposureResult Compute(IReadOnlyList<ChainSnapshot> chains, double multiplier)
    {
        if (chains.Select(c => c.Spot).FirstOrDefault(s => s is not null) is not { } spot)
        {
            return DealerExposureResult.Empty;
        }

        var exposure = new DealerExposure(multiplier, spot);
        foreach (var chain in chains)
        {
            var black76 = chain.Model == PricingModel.Black76;
            if ((black76 ? chain.Forward : chain.Spot) is not { } level)
            {
                continue;
            }

            exposure.BeginChain(level, chain.TimeToExpiry, chain.Rate, black76 ? chain.Rate : chain.DividendYield);
            foreach (var row in chain.Strikes)
            {
                exposure.Add(row.Strike, Side(row.Call), Side(row.Put));
            }
        }

        return exposure.Result();
    }

    private static ExposureSide Side(OptionQuote? quote) => new(quote?.Gamma, quote?.Delta, quote?.Vanna, quote?.Iv, quote?.Oi ?? 0);
}
