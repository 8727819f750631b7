using DeltaStream.Instruments;

namespace DeltaStream.Tests;

public sealed class ListedStrikesTests
{
    private static readonly InstrumentDefinition Nifty = DefaultInstruments.Create().Single(i => i.Symbol == "NIFTY");
    private static readonly InstrumentDefinition Aapl = DefaultInstruments.Create().Single(i => i.Symbol == "AAPL");

    [Theory]
    [InlineData(24350, true)]
    [InlineData(24300, true)]
    [InlineData(14350, true)]
    [InlineData(34350, true)]
    [InlineData(24325, false)]
    [InlineData(14300, false)]
    [InlineData(34400, false)]
    [InlineData(0, false)]
    [InlineData(-50, false)]
    [InlineData(double.NaN, false)]
    public void A_nifty_strike_is_listed_only_on_a_multiple_of_fifty_within_two_hundred_steps_of_the_base_price(double strike, bool listed) =>
        Assert.Equal(listed, ListedStrikes.Contains(Nifty, strike));

    [Theory]
    [InlineData(227.5, true)]
    [InlineData(2.5, true)]
    [InlineData(228.25, false)]
    public void Fractional_steps_are_matched_without_rounding_error(double strike, bool listed) =>
        Assert.Equal(listed, ListedStrikes.Contains(Aapl, strike));

    [Fact]
    public void The_refusal_names_the_step_and_the_ladder_bounds()
    {
        Assert.Equal("offLadderStrike: NIFTY lists strikes in steps of 50 from 14350 to 34350; 24325 is not one", ListedStrikes.OffLadderReason(Nifty, 24325));
        Assert.Equal("offLadderStrike: AAPL lists strikes in steps of 2.5 from 2.5 to 727.5; 1000 is not one", ListedStrikes.OffLadderReason(Aapl, 1000));
    }
}
