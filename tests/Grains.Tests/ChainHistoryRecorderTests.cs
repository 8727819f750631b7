using DeltaStream.Grains.History;
using DeltaStream.History;
using DeltaStream.Instruments;

namespace DeltaStream.Grains.Tests;

public sealed class ChainHistoryRecorderTests
{
    private sealed class NoWriter : IMarketHistoryWriter
    {
        public void Append(PriceBar bar) => throw new InvalidOperationException();

        public void Append(ChainHistoryPoint point) => throw new InvalidOperationException();
    }

    private static ChainHistoryRecorder Recorder(string symbol)
    {
        var instrument = DefaultInstruments.Create().Single(i => i.Symbol == symbol);
        return new ChainHistoryRecorder(new NoWriter(), TimeProvider.System, instrument, () => throw new InvalidOperationException());
    }

    [Theory]
    [InlineData("SPY", "2026-12-01T15:00:00Z", "2026-12-01T21:00:00Z")]
    [InlineData("SPY", "2026-12-01T21:00:00Z", "2026-12-02T21:00:00Z")]
    [InlineData("SPY", "2026-07-01T12:00:00Z", "2026-07-01T20:00:00Z")]
    [InlineData("NIFTY", "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z")]
    public void The_session_closes_at_the_settlement_time_in_the_exchange_zone(string symbol, string now, string expected)
    {
        var close = Recorder(symbol).NextSessionClose(DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal));

        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), close);
    }
}
