using DeltaStream.Gateway.Language;

namespace DeltaStream.Gateway.Tests.Language;

public sealed class NumberGuardTests
{
    [Theory]
    [InlineData("PCR 1.2 and max pain 24350, 1% below", null)]
    [InlineData("PCR 1.20, on 2026-12-04", null)]
    [InlineData("PCR 1.25", 1.25)]
    [InlineData("spot 24,351", 24351.0)]
    [InlineData("about 3 strikes", 3.0)]
    public void Only_numbers_absent_from_the_prompt_are_foreign(string reply, double? foreign)
    {
        var allowed = NumberGuard.Numbers("SPY 2026-12-04: PCR (OI) is 1.20; max pain 24,350 is -1.00% from spot");

        Assert.Equal(foreign is null ? null : (decimal)foreign.Value, NumberGuard.Foreign(reply, allowed));
    }
}
