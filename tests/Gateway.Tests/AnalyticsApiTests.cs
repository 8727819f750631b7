using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Analytics.Chain;
using DeltaStream.Gateway.Api.Analytics;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaStream.Gateway.Tests;

/// <summary>Every analytics endpoint, for every default symbol and expiry, agrees with the chain it is computed from.</summary>
// Run again by scripts/test.sh with the market clock pinned at chosen instants (TestClock).
[Trait("Clock", "Sensitive")]
public sealed class AnalyticsApiTests(QuietGatewayFactory factory) : IClassFixture<QuietGatewayFactory>
{
    private readonly HttpClient http = factory.CreateSignedInClient();

    public static TheoryData<string> Symbols => [.. DefaultInstruments.Create().Select(i => i.Symbol)];

    [Theory]
    [MemberData(nameof(Symbols))]
    public async Task Pcr_max_pain_smile_and_gex_agree_with_each_chain(string symbol)
    {
        var lotSize = DefaultInstruments.Create().Single(i => i.Symbol == symbol).LotSize;
        foreach (var expiry in await ExpiriesAsync(symbol))
        {
            var chain = await GetAsync<ChainSnapshot>($"chains/{symbol}/{expiry}");
            var a = chain.Analytics;
            Assert.Equal(2 * QuietGatewayFactory.StrikesEachSide + 1, chain.Strikes.Count);

            var pcr = await GetAsync<PcrResponse>($"analytics/{symbol}/pcr?expiry={expiry}");
            Assert.Equal((a.PcrOi, a.TotalCallOi, a.TotalPutOi), (pcr.PcrOi, pcr.TotalCallOi, pcr.TotalPutOi));
            Assert.Equal(a.PcrVolume, pcr.PcrVolume);

            var pain = await GetAsync<MaxPainResponse>($"analytics/{symbol}/max-pain?expiry={expiry}");
            Assert.Equal(a.MaxPain, pain.MaxPain);
            Assert.Equal(pain.PainByStrike.Min(p => p.Pain), pain.PainByStrike.Single(p => p.Strike == pain.MaxPain).Pain);
            Assert.Equal(pain.MaxPain - chain.Spot, pain.Distance);
            var atMaxPain = chain.Strikes.Sum(r => (((r.Call?.Oi ?? 0) * Math.Max(pain.MaxPain!.Value - r.Strike, 0)) + ((r.Put?.Oi ?? 0) * Math.Max(r.Strike - pain.MaxPain.Value, 0))) * lotSize);
            Assert.Equal(atMaxPain, pain.PainByStrike.Single(p => p.Strike == pain.MaxPain).Pain, 6);

            var smile = await GetAsync<SmilePoint[]>($"analytics/{symbol}/iv-smile?expiry={expiry}");
            Assert.Equal(chain.Strikes.Select(r => (r.Strike, r.Call?.Iv, r.Put?.Iv)), smile.Select(p => (p.Strike, p.CallIv, p.PutIv)));
            Assert.All(smile, p => Assert.Equal(p.Strike / chain.Forward, p.Moneyness));
            // ATM IV is the smile read at the forward; null when the forward lies outside the quoted strikes.
            var atForward = StrikeLadder.Interpolate([.. smile.Select(p => p.Strike)], [.. smile.Select(p => p.Iv ?? double.NaN)], chain.Forward!.Value);
            Assert.Equal(a.AtmIv is null, atForward is null);
            Assert.Equal(a.AtmIv ?? 0, atForward ?? 0, 12);

            var gex = await GetAsync<DealerExposureResult>($"analytics/{symbol}/gex?expiry={expiry}");
            Assert.Equal(a.NetGex!.Value, gex.NetGex!.Value, Math.Abs(a.NetGex.Value) * 1e-12);
            Assert.Equal((a.CallWall, a.PutWall), (gex.CallWall, gex.PutWall));
            Assert.Equal(a.GammaFlip is null, gex.GammaFlip is null);
            if (a.GammaFlip is { } flip)
            {
                Assert.Equal(flip, gex.GammaFlip!.Value, flip * 1e-8);
            }

            Assert.All(gex.ByStrike, s => Assert.Equal(s.CallGex + s.PutGex, s.NetGex, 6));
        }
    }

    [Theory]
    [MemberData(nameof(Symbols))]
    public async Task Term_structure_and_all_expiry_sums_cover_every_listed_expiry(string symbol)
    {
        var expiries = await ExpiriesAsync(symbol);
        var chains = new List<ChainSnapshot>();
        foreach (var expiry in expiries)
        {
            chains.Add(await GetAsync<ChainSnapshot>($"chains/{symbol}/{expiry}"));
        }

        var term = await GetAsync<TermStructurePoint[]>($"analytics/{symbol}/term-structure");
        Assert.Equal(chains.Select(c => (c.Expiry, c.TimeToExpiry, c.Analytics.AtmIv, c.Forward)), term.Select(p => (p.Expiry, p.TimeToExpiry, p.AtmIv, p.Forward)));

        var pcr = await GetAsync<PcrResponse>($"analytics/{symbol}/pcr");
        Assert.Null(pcr.Expiry);
        Assert.Equal(chains.Sum(c => c.Analytics.TotalCallOi), pcr.TotalCallOi);
        Assert.Equal(chains.Sum(c => c.Analytics.TotalPutOi), pcr.TotalPutOi);

        var gex = await GetAsync<DealerExposureResult>($"analytics/{symbol}/gex");
        Assert.Equal(chains.Sum(c => c.Analytics.NetGex!.Value), gex.NetGex!.Value, Math.Abs(gex.NetGex.Value) * 1e-9);
    }

    [Theory]
    [MemberData(nameof(Symbols))]
    public async Task Oi_buildup_reads_price_and_oi_changes_the_conventional_way(string symbol)
    {
        var expiry = (await ExpiriesAsync(symbol))[0];

        var rows = await GetAsync<OiBuildupRow[]>($"analytics/{symbol}/oi-buildup?expiry={expiry}");

        Assert.Equal(2 * QuietGatewayFactory.StrikesEachSide + 1, rows.Length);
        Assert.All(rows, r =>
        {
            Assert.Equal(100, r.CallOiChange);
            Assert.Equal(OiBuildupClassifier.Classify(r.CallPriceChange ?? 0, r.CallOiChange), r.CallBuildup);
            Assert.Equal(OiBuildupClassifier.Classify(r.PutPriceChange ?? 0, r.PutOiChange), r.PutBuildup);
        });
        Assert.Contains(rows, r => r.CallBuildup == OiBuildup.LongBuildup);
        Assert.Contains(rows, r => r.PutBuildup == OiBuildup.ShortBuildup);
    }

    [Fact]
    public async Task Each_sides_change_in_the_chain_is_the_price_change_the_oi_buildup_reads()
    {
        var expiry = (await ExpiriesAsync("NIFTY"))[0];

        var chain = await GetAsync<ChainSnapshot>($"chains/NIFTY/{expiry}");
        var rows = await GetAsync<OiBuildupRow[]>($"analytics/NIFTY/oi-buildup?expiry={expiry}");

        Assert.Equal(rows.Select(r => (r.Strike, r.CallPriceChange, r.PutPriceChange)), chain.Strikes.Select(r => (r.Strike, r.Call!.Change, r.Put!.Change)));
        Assert.Contains(chain.Strikes, r => r.Call!.Change > 0);
        Assert.Contains(chain.Strikes, r => r.Put!.Change < 0);
    }

    [Theory]
    [InlineData("analytics/NOPE/pcr", HttpStatusCode.NotFound)]
    [InlineData("analytics/NIFTY/max-pain", HttpStatusCode.BadRequest)]
    [InlineData("analytics/NIFTY/iv-smile?expiry=2001-01-02", HttpStatusCode.NotFound)]
    [InlineData("analytics/NIFTY/oi-buildup?expiry=soon", HttpStatusCode.BadRequest)]
    [InlineData("analytics/NOPE/term-structure", HttpStatusCode.NotFound)]
    [InlineData("analytics/NIFTY/gex?expiry=2026-02-30", HttpStatusCode.BadRequest)]
    public async Task Bad_names_are_problems_with_the_right_status(string path, HttpStatusCode status)
    {
        var response = await http.GetAsync($"/api/v1/{path}", TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string[]> ExpiriesAsync(string symbol)
    {
        var detail = await GetAsync<JsonElement>($"underlyings/{symbol}");
        return [.. detail.GetProperty("expiries").EnumerateArray().Select(e => e.GetString()!)];
    }

    private async Task<T> GetAsync<T>(string path) =>
        (await http.GetFromJsonAsync<T>($"/api/v1/{path}", Market.Json, TestContext.Current.CancellationToken))!;
}
