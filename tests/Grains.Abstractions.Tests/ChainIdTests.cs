using System.Globalization;
using DeltaStream.Ticks;

namespace DeltaStream.Grains.Abstractions.Tests;

public sealed class ChainIdTests
{
    [Theory]
    [InlineData("2026-12-08", 2026, 12, 8)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    public void An_expiry_in_the_exact_format_is_read_as_that_date(string text, int year, int month, int day)
    {
        Assert.True(ChainId.TryParseExpiry(text, out var expiry));
        Assert.Equal(new DateOnly(year, month, day), expiry);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-02-29")]
    [InlineData("2026-13-01")]
    [InlineData("2026-00-10")]
    [InlineData("2026-04-31")]
    [InlineData("0000-01-01")]
    [InlineData("2026-1-05")]
    [InlineData(" 2026-01-05")]
    [InlineData("2026-01-05 ")]
    [InlineData("2026/01/05")]
    [InlineData("2026-01-05T00:00:00Z")]
    [InlineData("２０２６-01-05")]
    public void Anything_else_is_not_an_expiry(string? text) => Assert.False(ChainId.TryParseExpiry(text, out _));

    [Fact]
    public void The_positional_reader_agrees_with_the_framework_exact_parser_on_random_text()
    {
        var random = new Random(20261202);
        const string alphabet = "0123456789- +T:Z1290";
        for (var i = 0; i < 200_000; i++)
        {
            var length = random.Next(8, 13);
            var chars = new char[length];
            for (var j = 0; j < length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            // Mostly well-shaped candidates, so that dates both valid and invalid are covered densely.
            if (length == 10 && random.Next(4) > 0)
            {
                (chars[4], chars[7]) = ('-', '-');
            }

            var text = new string(chars);
            var expected = DateOnly.TryParseExact(text, ChainId.ExpiryFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var framework);

            Assert.Equal(expected, ChainId.TryParseExpiry(text, out var positional));
            Assert.Equal(framework, positional);
        }
    }
}
