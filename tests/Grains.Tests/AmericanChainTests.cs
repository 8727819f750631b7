using DeltaStream.Analytics;
using DeltaStream.Analytics.American;
using DeltaStream.Calendars;
using DeltaStream.Grains.Chains;
using DeltaStream.Instruments;
using DeltaStream.Snapshots;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.Tests;

public sealed class AmericanChainTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 6, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Expiry = TestMarket.FirstExpiry(Now);
    private static readonly ChainId Chain = new("NIFTY", Expiry);
    private static readonly double[] Strikes = [23800, 24100, 24350, 24600, 24900];

    [Fact]
    public void American_chain_solves_iv_and_greeks_with_the_american_engine_and_reports_the_early_exercise_premium()
    {
        var instrument = American([]);
        var s = Quoted(instrument, []);

        Assert.Equal(PricingModel.AmericanFp, s.Model);
        Assert.Equal(ExerciseStyle.American, s.Exercise);
        foreach (var row in s.Strikes)
        {
            foreach (var (quote, type) in new[] { (row.Call!, OptionType.Call), (row.Put!, OptionType.Put) })
            {
                Assert.Equal(IvStatus.Ok, quote.IvStatus);
                Assert.Equal(0.15, quote.Iv!.Value, 6);
                var model = AmericanOption.Greeks(type, s.Spot!.Value, row.Strike, s.TimeToExpiry, s.Rate, s.DividendYield, quote.Iv.Value);
                Assert.Equal(model.Delta, quote.Delta!.Value, 4);
                Assert.Equal(model.Gamma, quote.Gamma!.Value, 1e-3 * model.Gamma);
                Assert.Equal(model.EarlyExercisePremium, quote.EarlyExercisePremium!.Value, 3);
                Assert.Equal(quote.Theta!.Value / 365.0, quote.ThetaPerDay!.Value, 12);
                Assert.Null(quote.Vanna);
            }

            // Early exercise pays for puts (r > q); calls barely (q > 0, a week out).
            Assert.True(row.Put!.EarlyExercisePremium > 0);
        }
    }

    [Fact]
    public void American_chain_takes_cash_dividends_ex_dated_before_settlement()
    {
        var exDate = Expiry.AddDays(-1);
        var instrument = American([new DividendDefinition { ExDate = exDate, Amount = 150 }]);
        var exUtc = TimeZoneInfo.ConvertTimeToUtc(exDate.ToDateTime(TimeOnly.MinValue), ExchangeCalendars.Default.Get(instrument.Market).Zone);
        var dividends = new[] { new CashDividend((exUtc - Now).TotalDays / 365.0, 150) };
        var s = Quoted(instrument, dividends);

        foreach (var row in s.Strikes)
        {
            Assert.Equal(0.15, row.Call!.Iv!.Value, 4);
            Assert.Equal(0.15, row.Put!.Iv!.Value, 4);
        }

        // The forward is carried from the spot less the dividend's present value.
        var carried = (s.Spot!.Value - (150 * Math.Exp(-s.Rate * dividends[0].Time))) * Math.Exp((s.Rate - s.DividendYield) * s.TimeToExpiry);
        Assert.Equal(carried, s.Forward!.Value, 1e-6);
    }

    [Fact]
    public void European_chain_states_its_exercise_and_no_early_exercise_premium()
    {
        var book = new ChainBook(Chain, TestMarket.Nifty, ExchangeCalendars.Default.Get(TestMarket.Nifty.Market));
        book.Apply(TestMarket.Batch([TestMarket.Spot(1, 24350, Now)], TestMarket.Option(Expiry, 24300, OptionRight.Put, 2, 80, 82, Now)));
        book.Recompute(Now);

        Assert.Equal(ExerciseStyle.European, book.Snapshot.Exercise);
        Assert.Equal(PricingModel.Bsm, book.Snapshot.Model);
        Assert.Null(book.Snapshot.Strikes.Single(r => r.Strike == 24300).Put!.EarlyExercisePremium);
    }

    private static InstrumentDefinition American(List<DividendDefinition> dividends)
    {
        var nifty = DefaultInstruments.Create().Single(i => i.Symbol == "NIFTY");
        nifty.Exercise = ExerciseStyle.American;
        nifty.Dividends = dividends;
        return nifty;
    }

    private static ChainSnapshot Quoted(InstrumentDefinition instrument, CashDividend[] dividends)
    {
        var calendar = ExchangeCalendars.Default.Get(instrument.Market);
        var book = new ChainBook(Chain, instrument, calendar);
        var time = ExpiryCalendar.YearsToExpiry(instrument, calendar, ExpiryCalendar.SettlementUtc(instrument, calendar, Expiry), Now);
        var sequence = 1L;
        var ticks = new List<OptionTick>();
        foreach (var strike in Strikes)
        {
            foreach (var (right, type) in new[] { (OptionRight.Call, OptionType.Call), (OptionRight.Put, OptionType.Put) })
            {
                var price = AmericanOption.Price(type, 24350, strike, time, instrument.Rate, instrument.DividendYield, 0.15, dividends).Price;
                ticks.Add(TestMarket.Option(Expiry, strike, right, ++sequence, price - 0.5, price + 0.5, Now));
            }
        }

        book.Apply(TestMarket.Batch([TestMarket.Spot(1, 24350, Now)], [.. ticks]));
        book.Recompute(Now);
        return book.Snapshot;
    }
}
