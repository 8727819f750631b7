using DeltaStream.Calendars;
using DeltaStream.Analytics;
using DeltaStream.Analytics.Volatility;
using DeltaStream.Feed.Synthetic;
using DeltaStream.Instruments;
using DeltaStream.Ticks;

namespace DeltaStream.Feed.Tests;

public sealed class SyntheticMarketTests
{
    private static readonly DateTime Start = new(2026, 11, 27, 4, 0, 0, DateTimeKind.Utc);

    private static List<TickBatch> Run(int seed, int steps, FeedOptions? options = null)
    {
        options ??= new FeedOptions { Seed = seed };
        var market = new SyntheticMarket(DefaultInstruments.Create(), ExchangeCalendars.Default, options, Start, _ => 1_000);
        return [.. Enumerable.Range(1, steps).SelectMany(i => market.Step(Start.AddMilliseconds(250 * i)))];
    }

    private static IEnumerable<object> Flatten(IEnumerable<TickBatch> batches) =>
        batches.SelectMany(b => b.Underlying.Cast<object>().Concat(b.Options.Cast<object>()).Prepend(b.Symbol));

    [Fact]
    public void The_same_seed_and_step_times_reproduce_every_tick()
    {
        Assert.Equal(Flatten(Run(42, 40)), Flatten(Run(42, 40)));
    }

    [Fact]
    public void A_different_seed_gives_a_different_market()
    {
        Assert.NotEqual(Flatten(Run(42, 5)), Flatten(Run(43, 5)));
    }

    [Fact]
    public void Every_symbol_lists_at_least_three_expiries_with_at_least_21_strikes_around_the_money()
    {
        var market = new SyntheticMarket(DefaultInstruments.Create(), ExchangeCalendars.Default, new FeedOptions(), Start, _ => 1);

        Assert.Equal(8, market.Underlyings.Count);
        foreach (var underlying in market.Underlyings)
        {
            // The monthly-only BANKNIFTY and FINNIFTY list three; the others four or more.
            Assert.True(underlying.Expiries.Count >= 3);
            foreach (var expiry in underlying.Expiries)
            {
                var strikes = expiry.Options.Select(o => o.Strike).Distinct().Order().ToArray();
                Assert.True(strikes.Length >= 21);
                Assert.InRange(underlying.Spot, strikes[0], strikes[^1]);
            }
        }
    }

    [Fact]
    public void The_first_step_quotes_every_listed_contract_and_later_steps_only_some()
    {
        var market = new SyntheticMarket(DefaultInstruments.Create(), ExchangeCalendars.Default, new FeedOptions { Seed = 7, OptionQuoteProbability = 0.1 }, Start, _ => 1);

        var first = market.Step(Start.AddMilliseconds(250));
        var second = market.Step(Start.AddMilliseconds(500));

        foreach (var (underlying, batch) in market.Underlyings.Zip(first))
        {
            var listed = underlying.Expiries.SelectMany(e => e.Options.Select(o => (e.Expiry, o.Strike, o.IsCall))).ToHashSet();
            Assert.Equal(listed, batch.Options.Select(t => (t.Expiry, t.Strike, t.Right == OptionRight.Call)).ToHashSet());
            Assert.Equal(listed.Count, batch.Options.Length);
        }

        var listedCount = market.Underlyings.Sum(u => u.Expiries.Sum(e => e.Options.Count));
        Assert.InRange(second.Sum(b => b.Options.Length), 1, listedCount / 4);
    }

    [Fact]
    public void Sequences_increase_by_one_per_tick_within_a_symbol()
    {
        foreach (var bySymbol in Run(7, 20).GroupBy(b => b.Symbol))
        {
            var sequences = bySymbol.SelectMany(b => b.Underlying.Select(u => u.Sequence).Concat(b.Options.Select(o => o.Sequence))).ToArray();
            Assert.Equal(Enumerable.Range(0, sequences.Length).Select(i => sequences[0] + i), sequences);
        }
    }

    [Fact]
    public void Quotes_are_valid_and_volume_and_open_interest_move_in_plausible_steps()
    {
        var last = new Dictionary<(string, DateOnly, double, OptionRight), OptionTick>();
        foreach (var batch in Run(11, 60))
        {
            foreach (var tick in batch.Options)
            {
                Assert.True(tick.Bid >= 0 && tick.Ask > tick.Bid, $"{batch.Symbol} {tick}");
                Assert.True(tick.OpenInterest >= 0);
                var key = (batch.Symbol, tick.Expiry, tick.Strike, tick.Right);
                if (last.TryGetValue(key, out var previous))
                {
                    Assert.True(tick.Volume >= previous.Volume, "volume is cumulative");
                    var traded = tick.Volume - previous.Volume;
                    Assert.True(Math.Abs(tick.OpenInterest - previous.OpenInterest) <= traded, "OI moves by at most the contracts traded");
                }

                last[key] = tick;
            }
        }

        Assert.True(last.Count > 1000);
    }

    [Fact]
    public void Spreads_widen_away_from_the_money_and_mids_carry_a_put_skew()
    {
        var batch = Run(5, 1, new FeedOptions { Seed = 5, OptionQuoteProbability = 1.0 }).Single(b => b.Symbol == "NIFTY");
        var spot = batch.Underlying[0].Price;
        var expiry = batch.Options.Min(o => o.Expiry);
        var nifty = DefaultInstruments.Create()[0];
        var t = ExpiryCalendar.YearsToExpiry(ExpiryCalendar.SettlementUtc(nifty, ExchangeCalendars.Default.Get(nifty.Market), expiry), Start.AddMilliseconds(250));
        var calls = batch.Options.Where(o => o.Expiry == expiry && o.Right == OptionRight.Call).OrderBy(o => o.Strike).ToArray();
        var puts = batch.Options.Where(o => o.Expiry == expiry && o.Right == OptionRight.Put).OrderBy(o => o.Strike).ToArray();
        var atm = calls.MinBy(c => Math.Abs(c.Strike - spot));
        var otmCall = calls[^3];

        // Relative to the premium, the far out-of-the-money quote is much wider.
        Assert.True((otmCall.Ask - otmCall.Bid) / otmCall.Ask > 2 * (atm.Ask - atm.Bid) / atm.Ask);
        double Iv(OptionTick o) => ImpliedVolatility.FromSpot(o.Right == OptionRight.Call ? OptionType.Call : OptionType.Put, 0.5 * (o.Bid + o.Ask), spot, o.Strike, t, 0.065, 0.012).Volatility;
        Assert.True(Iv(puts[4]) > Iv(calls[^5]), "downside puts trade at a higher IV than upside calls");
    }

    [Theory]
    [InlineData("2026-12-12T05:30:00Z", new string[0])] // Saturday: every exchange is closed
    [InlineData("2026-12-07T04:30:00Z", new[] { "NIFTY", "BANKNIFTY", "FINNIFTY", "SENSEX" })] // Monday 10:00 IST, 23:30 ET Sunday
    [InlineData("2026-12-07T15:00:00Z", new[] { "AAPL", "TSLA", "SPY", "QQQ" })] // Monday 10:00 ET, 20:30 IST
    [InlineData("2026-11-24T06:00:00Z", new string[0])] // 11:30 IST on an NSE and BSE holiday, 01:00 ET
    public void On_the_calendar_only_instruments_whose_exchange_is_in_session_quote(string at, string[] quoting)
    {
        var start = DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var market = new SyntheticMarket(DefaultInstruments.Create(), ExchangeCalendars.Default, new FeedOptions { Hours = FeedHours.Calendar }, start, _ => 1);

        var batches = market.Step(start.AddSeconds(1));

        Assert.Equal(quoting, batches.Where(b => b.Underlying.Length > 0 || b.Options.Length > 0).Select(b => b.Symbol));
    }

    [Fact]
    public void Around_the_clock_every_instrument_quotes_on_a_saturday()
    {
        var start = new DateTime(2026, 12, 12, 5, 30, 0, DateTimeKind.Utc);
        var market = new SyntheticMarket(DefaultInstruments.Create(), ExchangeCalendars.Default, new FeedOptions { Hours = FeedHours.AroundTheClock }, start, _ => 1);

        Assert.All(market.Step(start.AddSeconds(1)), b => Assert.Single(b.Underlying));
    }
}
