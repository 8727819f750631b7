using DeltaStream.Providers.Redis;
using DeltaStream.Ticks;

namespace DeltaStream.Providers.Tests;

public sealed class FeedEntryFormatTests
{
    private static readonly DateTime At = new(2026, 11, 26, 9, 15, 0, 123, DateTimeKind.Utc);

    [Fact]
    public void The_api_examples_decode_into_one_batch_of_the_symbol()
    {
        const string data = """
            [{"kind":"underlying","symbol":"NIFTY","ts":"2026-11-26T09:15:00.123Z","seq":1017,"price":24350.5,"volume":1200},
             {"kind":"option","symbol":"NIFTY","expiry":"2026-12-02","strike":24300,"right":"C","ts":"2026-11-26T09:15:00.123Z","seq":1018,
              "bid":101.5,"ask":102.5,"last":102.0,"volume":350,"oi":120450}]
            """;

        var entry = FeedEntryFormat.Decode(data);

        Assert.Empty(entry.Rejected);
        Assert.Equal("NIFTY", entry.Batch!.Symbol);
        Assert.Equal(new UnderlyingTick(At, 1017, 24350.5, 1200), Assert.Single(entry.Batch.Underlying));
        Assert.Equal(new OptionTick(new DateOnly(2026, 12, 2), 24300, OptionRight.Call, At, 1018, 101.5, 102.5, 102.0, 350, 120450), Assert.Single(entry.Batch.Options));
    }

    [Theory]
    [InlineData("2026-11-26T09:15:00.123Z", "2026-12-02")]
    [InlineData("2026-11-26T14:45:00.123+05:30", "2026-12-02")]
    [InlineData("2026-11-26T04:15:00.123-05:00", "2026-12-02")]
    [InlineData("2026-11-26T09:15:00.123", "2026-12-02")]
    [InlineData("2026-11-26 09:15:00.123", "2026-12-02")]
    [InlineData("2026-11-26T09:15:00.123Z", "2026\\u002d12\\u002d02")]
    public void Every_iso_form_of_an_instant_and_an_escaped_expiry_decode_to_the_same_tick(string ts, string expiry)
    {
        var data = $$"""[{"kind":"option","symbol":"NIFTY","expiry":"{{expiry}}","strike":24300,"right":"P","ts":"{{ts}}","seq":7,"bid":1,"ask":2,"last":1.5}]""";

        var entry = FeedEntryFormat.Decode(data);

        Assert.Empty(entry.Rejected);
        var tick = Assert.Single(entry.Batch!.Options);
        Assert.Equal(new OptionTick(new DateOnly(2026, 12, 2), 24300, OptionRight.Put, At, 7, 1, 2, 1.5, 0, 0), tick);
        Assert.Equal(DateTimeKind.Utc, tick.Timestamp.Kind);
    }

    [Fact]
    public void An_entry_that_is_not_valid_utf8_is_refused_whole_as_unparseable_with_its_text()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("""[{"kind":"underlying","symbol":"NIFTY","ts":"2026-11-26T09:15:00Z","seq":1,"price":1}]""");
        bytes[33] = 0xFF; // inside "NIFTY": the JSON is well formed, the text is not UTF-8

        var entry = FeedEntryFormat.Decode(bytes);

        Assert.Null(entry.Batch);
        var refused = Assert.Single(entry.Rejected);
        Assert.StartsWith("unparseable:", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"underlying\"", refused.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Encoding_then_decoding_gives_back_every_tick_exactly()
    {
        var batch = new TickBatch("BRK.B", [new UnderlyingTick(At, 1, 412.37, 9)], [
            new OptionTick(new DateOnly(2026, 12, 4), 410, OptionRight.Put, At, 2, 0.1 + 0.2, 1.0 / 3.0, 0, 0, 5),
            new OptionTick(new DateOnly(2026, 12, 11), 415.5, OptionRight.Call, At, 3, 7.25, 7.35, 7.3, 10, 77)]);

        var decoded = FeedEntryFormat.Decode(FeedEntryFormat.Encode(batch));

        Assert.Empty(decoded.Rejected);
        Assert.Equal(batch.Underlying, decoded.Batch!.Underlying);
        Assert.Equal(batch.Options, decoded.Batch.Options);
    }

    [Theory]
    [InlineData("""{"kind":"trade","symbol":"X","ts":"2026-11-26T09:15:00Z","seq":1,"price":1}""", "unknownKind")]
    [InlineData("""{"kind":"underlying","symbol":"X","ts":"2026-11-26T09:15:00Z","seq":1,"price":-1}""", "badPrice")]
    [InlineData("""{"kind":"underlying","symbol":"X","ts":"2026-11-26T09:15:00Z","seq":1,"price":"1e999"}""", "badPrice")]
    [InlineData("""{"kind":"underlying","symbol":"X","ts":"yesterday","seq":1,"price":1}""", "badTimestamp")]
    [InlineData("""{"kind":"underlying","symbol":"X","ts":"2026-11-26T09:15:00Z","seq":-4,"price":1}""", "badSequence")]
    [InlineData("""{"kind":"underlying","symbol":"X","ts":"2026-11-26T09:15:00Z","seq":1,"price":1,"volume":-2}""", "badVolume")]
    [InlineData("""{"kind":"underlying","ts":"2026-11-26T09:15:00Z","seq":1,"price":1}""", "badSymbol")]
    [InlineData("""{"kind":"option","symbol":"X","expiry":"2026-02-30","strike":1,"right":"C","ts":"2026-11-26T09:15:00Z","seq":1,"bid":1,"ask":2,"last":1}""", "badExpiry")]
    [InlineData("""{"kind":"option","symbol":"X","expiry":"2026-12-02","strike":0,"right":"C","ts":"2026-11-26T09:15:00Z","seq":1,"bid":1,"ask":2,"last":1}""", "badStrike")]
    [InlineData("""{"kind":"option","symbol":"X","expiry":"2026-12-02","strike":1,"right":"call","ts":"2026-11-26T09:15:00Z","seq":1,"bid":1,"ask":2,"last":1}""", "badRight")]
    [InlineData("""{"kind":"option","symbol":"X","expiry":"2026-12-02","strike":1,"right":"C","ts":"2026-11-26T09:15:00Z","seq":1,"bid":3,"ask":2,"last":1}""", "crossedQuote")]
    [InlineData("""{"kind":"option","symbol":"X","expiry":"2026-12-02","strike":1,"right":"P","ts":"2026-11-26T09:15:00Z","seq":1,"bid":1,"ask":2,"last":1,"oi":1.5}""", "badOpenInterest")]
    [InlineData("""{"kind":"underlying","symbol":"X","src":"","ts":"2026-11-26T09:15:00Z","seq":1,"price":1}""", "badSource")]
    [InlineData("""{"kind":"underlying","symbol":"X","src":7,"ts":"2026-11-26T09:15:00Z","seq":1,"price":1}""", "badSource")]
    [InlineData("""{"kind":"underlying","symbol":"X","src":"a\u0000b","ts":"2026-11-26T09:15:00Z","seq":1,"price":1}""", "badSource")]
    [InlineData("""{"kind":"underlying","symbol":"X","src":"0123456789012345678901234567890123456789012345678901234567890123456789","ts":"2026-11-26T09:15:00Z","seq":1,"price":1}""", "badSource")]
    [InlineData("""{"kind":"underlying","symbol":"X","src":"other","ts":"2026-11-26T09:15:00Z","seq":1,"price":1}""", "mixedSources")]
    [InlineData("""42""", "notAnObject")]
    public void An_invalid_tick_is_refused_with_its_reason_and_the_rest_of_the_entry_still_counts(string tick, string reason)
    {
        var valid = """{"kind":"underlying","symbol":"X","ts":"2026-11-26T09:15:00Z","seq":9,"price":10}""";

        var entry = FeedEntryFormat.Decode($"[{valid},{tick}]");

        var rejected = Assert.Single(entry.Rejected);
        Assert.StartsWith(reason + ":", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(tick, rejected.Json);
        Assert.Equal(9, Assert.Single(entry.Batch!.Underlying).Sequence);
    }

    [Fact]
    public void The_producer_id_src_is_read_and_written_and_absent_means_the_default_producer()
    {
        var batch = new TickBatch("NIFTY", [new UnderlyingTick(At, 5, 24350.5, 1)], [
            new OptionTick(new DateOnly(2026, 12, 2), 24300, OptionRight.Call, At, 6, 101.5, 102.5, 102, 350, 120450)], "replay-2");

        var encoded = FeedEntryFormat.Encode(batch);
        var decoded = FeedEntryFormat.Decode(encoded).Batch!;

        Assert.Equal(2, encoded.Split("\"src\":\"replay-2\"").Length - 1);
        Assert.Equal("replay-2", decoded.Source);
        Assert.Equal(batch.Options, decoded.Options);
        Assert.DoesNotContain("src", FeedEntryFormat.Encode(batch with { Source = null }), StringComparison.Ordinal);
        Assert.Null(FeedEntryFormat.Decode("""[{"kind":"underlying","symbol":"X","ts":"2026-11-26T09:15:00Z","seq":1,"price":10}]""").Batch!.Source);
    }

    [Fact]
    public void Ticks_of_a_second_symbol_are_refused()
    {
        var entry = FeedEntryFormat.Decode("""
            [{"kind":"underlying","symbol":"A","ts":"2026-11-26T09:15:00Z","seq":1,"price":10},
             {"kind":"underlying","symbol":"B","ts":"2026-11-26T09:15:00Z","seq":2,"price":10}]
            """);

        Assert.StartsWith("mixedSymbols:", Assert.Single(entry.Rejected).Reason, StringComparison.Ordinal);
        Assert.Equal("A", entry.Batch!.Symbol);
    }

    [Theory]
    [InlineData(null, "missingData")]
    [InlineData("", "missingData")]
    [InlineData("[{\"kind\":", "unparseable")]
    [InlineData("{\"kind\":\"underlying\"}", "unparseable")]
    public void An_entry_that_does_not_parse_is_refused_whole(string? data, string reason)
    {
        var entry = FeedEntryFormat.Decode(data);

        Assert.Null(entry.Batch);
        Assert.StartsWith(reason + ":", Assert.Single(entry.Rejected).Reason, StringComparison.Ordinal);
    }
}
