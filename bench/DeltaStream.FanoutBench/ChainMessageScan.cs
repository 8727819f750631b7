using System.Buffers.Text;
using System.Text.Json;

namespace DeltaStream.FanoutBench;

/// <summary>
/// Reads what the tracker needs from one SignalR JSON record of a chain snapshot or update by searching for the
/// properties' names, not by tokenising the record: a record carries about a kilobyte per strike (every quote's
/// prices and Greeks), and at 500 clients a JSON reader over all of it was the driver's largest cost. It relies on
/// the shape the gateway writes: scalar properties by name, each strike row <c>{"strike":..,"call":{..},"put":{..}}</c>
/// with <c>oi</c> inside each quote, and no arrays inside the <c>strikes</c> array.
/// </summary>
internal static class ChainMessageScan
{
    public static bool TryRead(
        ReadOnlySpan<byte> record,
        List<(double Strike, long CallOi, long PutOi)> rows,
        out bool snapshot,
        out long epoch,
        out long sequence,
        out long? fromSequence,
        out DateTime updatedAt)
    {
        (epoch, sequence, fromSequence, updatedAt) = (0, 0, null, default);
        rows.Clear();
        var head = record[..Math.Min(record.Length, 64)];
        snapshot = head.IndexOf("\"target\":\"chainSnapshot\""u8) >= 0;
        if (!snapshot && head.IndexOf("\"target\":\"chainUpdate\""u8) < 0)
        {
            return false;
        }

        epoch = Long(record, "\"epoch\":"u8) ?? 0;
        sequence = Long(record, "\"sequence\":"u8) ?? 0;
        fromSequence = Long(record, "\"fromSequence\":"u8);
        var at = record.IndexOf("\"updatedAt\":"u8);
        if (at >= 0)
        {
            var text = record[(at + 12)..];
            var reader = new Utf8JsonReader(text[..(text[1..].IndexOf((byte)'"') + 2)]);
            reader.Read();
            updatedAt = reader.GetDateTime().ToUniversalTime();
        }

        var start = record.IndexOf("\"strikes\":["u8);
        if (start < 0)
        {
            return true;
        }

        var strikes = record[(start + 11)..];
        strikes = strikes[..strikes.IndexOf((byte)']')];
        int row;
        while ((row = strikes.IndexOf("{\"strike\":"u8)) >= 0)
        {
            strikes = strikes[(row + 10)..];
            _ = Utf8Parser.TryParse(strikes, out double strike, out _);
            var callOi = QuoteOi(ref strikes, "\"call\":"u8);
            var putOi = QuoteOi(ref strikes, "\"put\":"u8);
            rows.Add((strike, callOi, putOi));
        }

        return true;
    }

    /// <summary>The open interest of the quote named <paramref name="name"/> next in the row, or -1 when it is null.</summary>
    private static long QuoteOi(ref ReadOnlySpan<byte> strikes, ReadOnlySpan<byte> name)
    {
        var at = strikes.IndexOf(name);
        if (at < 0)
        {
            return -1;
        }

        strikes = strikes[(at + name.Length)..];
        if (strikes.StartsWith("null"u8))
        {
            return -1;
        }

        var oi = strikes.IndexOf("\"oi\":"u8);
        strikes = strikes[(oi + 5)..];
        _ = Utf8Parser.TryParse(strikes, out long value, out var consumed);
        strikes = strikes[consumed..];
        return value;
    }

    /// <summary>The integer after the first <paramref name="name"/>, or null when the record has none.</summary>
    private static long? Long(ReadOnlySpan<byte> record, ReadOnlySpan<byte> name)
    {
        var at = record.IndexOf(name);
        return at >= 0 && Utf8Parser.TryParse(record[(at + name.Length)..], out long value, out _) ? value : null;
    }
}
