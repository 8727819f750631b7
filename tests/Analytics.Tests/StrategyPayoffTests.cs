using DeltaStream.Analytics.Strategy;

namespace DeltaStream.Analytics.Tests;

/// <summary>Strategy payoffs against values worked out by hand (premiums per unit, quantities in units).</summary>
public sealed class StrategyPayoffTests
{
    private static readonly StrategyMarket OneYearAt100 = new(Spot: 100, Forward: 100 * Math.Exp(0.05), Time: 1, Rate: 0.05, DividendYield: 0, PricesOffForward: false);

    [Fact]
    public void A_long_call_breaks_even_at_strike_plus_premium_and_risks_only_the_premium()
    {
        StrategyLeg[] legs = [new(OptionType.Call, 100, 1, 5, 0.2)];

        Assert.Equal([105.0], StrategyPayoff.Breakevens(legs));
        Assert.Equal((null, -5.0), StrategyPayoff.Extremes(legs));
        Assert.Equal(5, StrategyPayoff.NetPremium(legs));
        Assert.Equal(15, StrategyPayoff.AtExpiry(legs, 120));
        Assert.Equal(-5, StrategyPayoff.AtExpiry(legs, 90));
    }

    [Fact]
    public void A_long_put_makes_at_most_strike_less_premium_when_the_underlying_goes_to_zero()
    {
        StrategyLeg[] legs = [new(OptionType.Put, 100, 1, 4, 0.2)];

        Assert.Equal([96.0], StrategyPayoff.Breakevens(legs));
        Assert.Equal((96.0, -4.0), StrategyPayoff.Extremes(legs));
    }

    [Fact]
    public void A_bull_call_spread_is_bounded_on_both_sides()
    {
        // Buy the 100 call at 5, sell the 110 call at 2, 50 units each (one lot of 50): 3 a unit debit.
        StrategyLeg[] legs = [new(OptionType.Call, 100, 50, 5, 0.2), new(OptionType.Call, 110, -50, 2, 0.2)];

        Assert.Equal([103.0], StrategyPayoff.Breakevens(legs));
        Assert.Equal((350.0, -150.0), StrategyPayoff.Extremes(legs));
        Assert.Equal(150, StrategyPayoff.NetPremium(legs));
    }

    [Fact]
    public void A_short_straddle_has_two_breakevens_a_credit_and_an_unlimited_loss()
    {
        StrategyLeg[] legs = [new(OptionType.Call, 100, -1, 4, 0.2), new(OptionType.Put, 100, -1, 6, 0.2)];

        Assert.Equal([90.0, 110.0], StrategyPayoff.Breakevens(legs));
        Assert.Equal((10.0, null), StrategyPayoff.Extremes(legs));
        Assert.Equal(-10, StrategyPayoff.NetPremium(legs));
    }

    [Fact]
    public void An_iron_condor_breaks_even_inside_its_short_strikes_by_the_credit()
    {
        // Long 90 put at 1, short 95 put at 2.5, short 105 call at 2.5, long 110 call at 1: credit 3.
        StrategyLeg[] legs =
        [
            new(OptionType.Put, 90, 1, 1, 0.2), new(OptionType.Put, 95, -1, 2.5, 0.2),
            new(OptionType.Call, 105, -1, 2.5, 0.2), new(OptionType.Call, 110, 1, 1, 0.2),
        ];

        var breakevens = StrategyPayoff.Breakevens(legs);

        Assert.Equal(2, breakevens.Count);
        Assert.Equal(92, breakevens[0], 12);
        Assert.Equal(108, breakevens[1], 12);
        var (maxProfit, maxLoss) = StrategyPayoff.Extremes(legs);
        Assert.Equal(3, maxProfit!.Value, 12);
        Assert.Equal(-2, maxLoss!.Value, 12);
    }

    [Fact]
    public void A_position_that_never_crosses_zero_has_no_breakeven()
    {
        // Bought for less than it can ever be worth at expiry (a box bought cheap): always a profit.
        StrategyLeg[] legs = [new(OptionType.Call, 100, 1, 1, 0.2), new(OptionType.Call, 110, -1, 0.5, 0.2), new(OptionType.Put, 110, 1, 10, 0.2), new(OptionType.Put, 100, -1, 1, 0.2)];

        Assert.Empty(StrategyPayoff.Breakevens(legs));
        Assert.Equal(0.5, StrategyPayoff.Extremes(legs).MaxLoss!.Value, 12);
    }

    [Fact]
    public void Today_a_long_call_is_worth_its_black_scholes_price_less_what_was_paid()
    {
        // Hull's textbook case: S = K = 100, T = 1, r = 5%, vol = 20% -> call 10.4506, delta N(0.35) = 0.63683.
        StrategyLeg[] legs = [new(OptionType.Call, 100, 2, 8, 0.2)];

        Assert.Equal(2 * (10.450583572185565 - 8), StrategyPayoff.Today(legs, OneYearAt100, 100), 9);
        Assert.Equal(2 * 0.6368306511756191, StrategyPayoff.Greeks(legs, OneYearAt100).Delta, 9);
    }

    [Fact]
    public void A_long_straddle_has_the_summed_greeks_of_its_legs()
    {
        // Call delta N(d1) = 0.63683, put delta N(d1) - 1; gamma n(d1) / (S vol sqrt T) = 0.375240 / 20 for each leg.
        StrategyLeg[] legs = [new(OptionType.Call, 100, 1, 10, 0.2), new(OptionType.Put, 100, 1, 5, 0.2)];

        var greeks = StrategyPayoff.Greeks(legs, OneYearAt100);

        Assert.Equal((2 * 0.6368306511756191) - 1, greeks.Delta, 9);
        Assert.Equal(2 * 0.3752403469169379 / 20, greeks.Gamma, 9);
        Assert.True(greeks.ThetaPerDay < 0);
        Assert.True(greeks.VegaPerPoint > 0);
    }

    [Fact]
    public void At_expiry_the_curve_for_today_is_the_expiry_payoff()
    {
        StrategyLeg[] legs = [new(OptionType.Call, 100, 1, 5, 0.2)];
        var expired = OneYearAt100 with { Time = 0 };

        Assert.Equal(StrategyPayoff.AtExpiry(legs, 112), StrategyPayoff.Today(legs, expired, 112));
        Assert.Equal(default, StrategyPayoff.Greeks(legs, expired));
    }

    [Fact]
    public void Under_black_76_the_forward_moves_with_spot_and_the_legs_are_priced_off_it()
    {
        var market = new StrategyMarket(Spot: 100, Forward: 102, Time: 0.5, Rate: 0.05, DividendYield: 0, PricesOffForward: true);
        StrategyLeg[] legs = [new(OptionType.Put, 100, 1, 3, 0.25)];

        var expected = Pricing.Black76.Price(OptionType.Put, 110 * 1.02, 100, 0.5, 0.05, 0.25) - 3;

        Assert.Equal(expected, StrategyPayoff.Today(legs, market, 110), 12);
    }

    [Fact]
    public void The_curves_cover_the_strikes_and_spot_and_pass_through_each_breakeven()
    {
        StrategyLeg[] legs = [new(OptionType.Call, 100, 50, 5, 0.2), new(OptionType.Call, 110, -50, 2, 0.2)];

        var result = StrategyPayoff.Analyse(legs, OneYearAt100);

        Assert.Equal(result.AtExpiry.Count, result.Today.Count);
        Assert.True(result.AtExpiry[0].Spot <= 85 && result.AtExpiry[^1].Spot >= 115.5);
        Assert.Contains(result.AtExpiry, p => p.Spot == 103 && Math.Abs(p.Pnl) < 1e-9);
        Assert.Contains(result.AtExpiry, p => p.Spot == 110 && p.Pnl == 350);
        Assert.True(result.AtExpiry.Zip(result.AtExpiry.Skip(1)).All(p => p.First.Spot < p.Second.Spot));
    }

    [Fact]
    public void A_strategy_without_legs_is_refused()
    {
        Assert.Throws<ArgumentException>(() => StrategyPayoff.Analyse([], OneYearAt100));
    }
}
