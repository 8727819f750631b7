using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using DeltaStream.Ticks;

namespace DeltaStream.Providers.Redis;

/// <summary>
/// The feed entry format of API.md: field "data" holds a JSON array of ticks of one underlying symbol,
/// {"kind":"underlying","symbol","ts","seq","price","volume"} or
/// {"kind":"option","symbol","expiry","strike","right":"C"|"P","ts","seq","bid","ask","last","volume","oi"}, each
/// with an optional "src" (the producer; absent is the default producer). An entry carries one symbol and one src.
/// Decoding refuses each invalid tick with a reason and keeps the rest of the entry.
/// </summary>
public static class FeedEntryFormat
{
    public const string DataField = "data";

    /// <summary>The longest producer id accepted in "src".</summary>
    public const int MaxSourceLength = 64;

    public static string Encode(TickBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var buffer = new ArrayBufferWriter<byte>(256 + (160 * (batch.Underlying.Length + batch.Options.Length)));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var t in batch.Underlying)
            {
                json.WriteStartObject();
                json.WriteString("kind", "underlying");
                json.WriteString("symbol", batch.Symbol);
                WriteSource(json, batch.Source);
                json.WriteString("ts", t.Timestamp.ToString("O", CultureInfo.InvariantCulture));
                json.WriteNumber("seq", t.Sequence);
                json.WriteNumber("price", t.Price);
                json.WriteNumber("volume", t.Volume);
                json.WriteEndObject();
            }

            foreach (var t in batch.Options)
            {
                json.WriteStartObject();
                json.WriteString("kind", "option");
                json.WriteString("symbol", batch.Symbol);
                WriteSource(json, batch.Source);
                json.WriteString("expiry", t.Expiry.ToString(ChainId.ExpiryFormat, CultureInfo.InvariantCulture));
                json.WriteNumber("strike", t.Strike);
                json.WriteString("right", t.Right == OptionRight.Call ? "C" : "P");
                json.WriteString("ts", t.Timestamp.ToString("O", CultureInfo.InvariantCulture));
                json.WriteNumber("seq", t.Sequence);
                json.WriteNumber("bid", t.Bid);
                json.WriteNumber("ask", t.Ask);
                json.WriteNumber("last", t.Last);
                json.WriteNumber("volume", t.Volume);
                json.WriteNumber("oi", t.OpenInterest);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static DecodedEntry Decode(string? data) =>
        Decode(data is null ? ReadOnlyMemory<byte>.Empty : System.Text.Encoding.UTF8.GetBytes(data));

    /// <summary>Decodes the entry as Redis holds it (UTF-8), with no string in between; a refused entry's text is made only then.</summary>
    public static DecodedEntry Decode(ReadOnlyMemory<byte> utf8)
    {
        var rejected = new List<RejectedTick>();
        if (utf8.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            rejected.Add(new RejectedTick(Text(utf8), "missingData: the entry has no 'data' field"));
            return new DecodedEntry(null, rejected);
        }

        // JsonDocument checks UTF-8 only when a value is read as a string, which would throw mid-entry.
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            rejected.Add(new RejectedTick(Text(utf8), "unparseable: the entry is not UTF-8 text"));
            return new DecodedEntry(null, rejected);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException ex)
        {
            rejected.Add(new RejectedTick(Text(utf8), $"unparseable: {ex.Message}"));
            return new DecodedEntry(null, rejected);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                rejected.Add(new RejectedTick(Text(utf8), "unparseable: 'data' must be a JSON array of ticks"));
                return new DecodedEntry(null, rejected);
            }

            string? symbol = null, source = null;
            var underlying = new List<UnderlyingTick>();

            // Sized once for the entry and handed to the batch as it is when every tick was read (the usual case):
            // growing a list of these large structs and copying it out was a tenth of the silo's ingest CPU.
            var options = new OptionTick[document.RootElement.GetArrayLength()];
            var optionCount = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var reason = TryRead(element, ref symbol, ref source, underlying, options, ref optionCount);
                if (reason is not null)
                {
                    rejected.Add(new RejectedTick(element.GetRawText(), reason));
                }
            }

            var optionTicks = optionCount == options.Length ? options : options[..optionCount];
            var batch = symbol is null ? null : new TickBatch(symbol, [.. underlying], optionTicks, source);
            return new DecodedEntry(batch, rejected);
        }
    }

    /// <returns>Null when the tick was read into one of the lists, otherwise why it was refused.</returns>
    private static string? TryRead(JsonElement e, ref string? symbol, ref string? source, List<UnderlyingTick> underlying, OptionTick[] options, ref int optionCount)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return "notAnObject: a tick must be a JSON object";
        }

        // Every field is compared or parsed in place where it can be: this runs for every tick the silo ingests.
        var isUnderlying = Is(e, "kind", "underlying"u8);
        if (!isUnderlying && !Is(e, "kind", "option"u8))
        {
            return $"unknownKind: kind must be 'underlying' or 'option', got '{Text(e, "kind")}'";
        }

        var tickSymbol = symbol is not null && Is(e, "symbol", symbol) ? symbol : Text(e, "symbol");
        if (string.IsNullOrWhiteSpace(tickSymbol))
        {
            return "badSymbol: symbol is required";
        }

        if (symbol is not null && tickSymbol != symbol)
        {
            return $"mixedSymbols: an entry carries one symbol ('{symbol}'), this tick is '{tickSymbol}'";
        }

        string? tickSource = null;
        if (e.TryGetProperty("src", out var src))
        {
            tickSource = src.ValueKind == JsonValueKind.String ? src.GetString() : null;
            if (!IsValidSource(tickSource))
            {
                return $"badSource: src must be a string of 1 to {MaxSourceLength} printable characters";
            }
        }

        if (symbol is not null && !string.Equals(tickSource, source, StringComparison.Ordinal))
        {
            return $"mixedSources: an entry carries one src ('{source}'), this tick is '{tickSource}'";
        }

        if (!TryTimestamp(e, out var ts))
        {
            return "badTimestamp: ts must be an ISO-8601 instant";
        }

        if (!Integer(e, "seq", out var seq) || seq < 0)
        {
            return "badSequence: seq must be a non-negative integer";
        }

        var volume = 0L;
        if (e.TryGetProperty("volume", out _) && (!Integer(e, "volume", out volume) || volume < 0))
        {
            return "badVolume: volume must be a non-negative integer";
        }

        if (isUnderlying)
        {
            if (!Number(e, "price", out var price) || !(price > 0))
            {
                return "badPrice: price must be a finite number above zero";
            }

            (symbol, source) = (tickSymbol, tickSource);
            underlying.Add(new UnderlyingTick(ts, seq, price, volume));
            return null;
        }

        if (!TryExpiry(e, out var expiry))
        {
            return "badExpiry: expiry must be a date yyyy-MM-dd";
        }

        if (!Number(e, "strike", out var strike) || !(strike > 0))
        {
            return "badStrike: strike must be a finite number above zero";
        }

        OptionRight? right = Is(e, "right", "C"u8) ? OptionRight.Call : Is(e, "right", "P"u8) ? OptionRight.Put : null;
        if (right is null)
        {
            return "badRight: right must be 'C' or 'P'";
        }

        if (!Number(e, "bid", out var bid) || bid < 0 || !Number(e, "ask", out var ask) || ask < 0 || !Number(e, "last", out var last) || last < 0)
        {
            return "badPrice: bid, ask and last must be finite and not negative";
        }

        if (ask > 0 && bid > ask)
        {
            return "crossedQuote: bid is above ask";
        }

        var oi = 0L;
        if (e.TryGetProperty("oi", out _) && (!Integer(e, "oi", out oi) || oi < 0))
        {
            return "badOpenInterest: oi must be a non-negative integer";
        }

        (symbol, source) = (tickSymbol, tickSource);
        options[optionCount++] = new OptionTick(expiry, strike, right.Value, ts, seq, bid, ask, last, volume, oi);
        return null;
    }

    /// <summary>The entry as text, for a dead-letter record.</summary>
    public static string Text(ReadOnlyMemory<byte> utf8) => System.Text.Encoding.UTF8.GetString(utf8.Span);

    private static bool Is(JsonElement e, string name, ReadOnlySpan<byte> utf8) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String && p.ValueEquals(utf8);

    private static bool Is(JsonElement e, string name, string text) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String && p.ValueEquals(text);

    /// <summary>
    /// A UTC instant ("...Z", what producers are asked to write) is read by System.Text.Json's ISO-8601 reader in
    /// place; any other form goes through the general parser, which assumes UTC when no offset is given.
    /// </summary>
    private static bool TryTimestamp(JsonElement e, out DateTime utc)
    {
        utc = default;
        if (!e.TryGetProperty("ts", out var p) || p.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        if (p.TryGetDateTime(out utc) && utc.Kind == DateTimeKind.Utc)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(p.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        utc = parsed.UtcDateTime;
        return true;
    }

    private static bool TryExpiry(JsonElement e, out DateOnly expiry)
    {
        expiry = default;
        if (!e.TryGetProperty("expiry", out var p) || p.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        // The raw value of a yyyy-MM-dd expiry is its 10 ASCII characters in quotes; any other (escaped) form is decoded first.
        var raw = JsonMarshal.GetRawUtf8Value(p);
        if (raw.Length != 12 || raw.Contains((byte)'\\'))
        {
            return ChainId.TryParseExpiry(p.GetString(), out expiry);
        }

        Span<char> text = stackalloc char[10];
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = (char)raw[i + 1];
        }

        return ChainId.TryParseExpiry(text, out expiry);
    }

    private static void WriteSource(Utf8JsonWriter json, string? source)
    {
        if (source is not null)
        {
            json.WriteString("src", source);
        }
    }

    private static bool IsValidSource(string? source) =>
        source is { Length: > 0 and <= MaxSourceLength } && !source.Any(char.IsControl);

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static bool Number(JsonElement e, string name, out double value)
    {
        value = 0;
        return e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetDouble(out value) && double.IsFinite(value);
    }

    private static bool Integer(JsonElement e, string name, out long value)
    {
        value = 0;
        return e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt64(out value);
    }
}
