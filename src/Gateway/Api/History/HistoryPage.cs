using System.Buffers.Text;

namespace DeltaStream.Gateway.Api.History;

/// <summary>
/// The window and page size of a history query, read from <c>from</c>, <c>to</c>, <c>limit</c>, <c>cursor</c>
/// and <c>format</c>, every problem collected for one 400 answer. Pages run newest first; the <c>cursor</c> of
/// the next page (in its Link header) is the exclusive upper bound where this page stopped.
/// </summary>
internal sealed record HistoryPage(DateTime From, DateTime Until, int Limit, bool Csv)
{
    public const int MaxLimit = 10_000;
    public const int DefaultLimit = 1_000;

    private static readonly Dictionary<string, bool> Formats = new(StringComparer.Ordinal) { ["json"] = false, ["csv"] = true };

    public static HistoryPage Read(QueryReader reader, IQueryCollection query)
    {
        var from = reader.Instant("from") ?? DateTime.MinValue;
        var until = reader.Instant("to") ?? DateTime.MaxValue;
        if (query["cursor"].ToString() is { Length: > 0 } cursor)
        {
            if (DecodeCursor(cursor) is { } bound)
            {
                until = bound < until ? bound : until;
            }
            else
            {
                reader.Reject("cursor", $"cursor '{cursor}' is not one this API handed out; use the Link header of the previous page.");
            }
        }

        if (from >= until && reader.IsValid)
        {
            reader.Reject("from", "from must be earlier than to.");
        }

        var limit = reader.WholeNumber("limit", 1, MaxLimit, DefaultLimit);
        var csv = reader.Choice("format", Formats, false);
        return new HistoryPage(from, until, limit, csv);
    }

    /// <summary>The <c>Link</c> header of the next page (older records), or null when this page was the last.</summary>
    public static string? NextLink(HttpRequest request, DateTime? nextUntil)
    {
        if (nextUntil is not { } until)
        {
            return null;
        }

        var query = request.Query.Where(q => q.Key != "cursor").ToDictionary(q => q.Key, q => q.Value.ToString());
        query["cursor"] = EncodeCursor(until);
        var url = $"{request.PathBase}{request.Path}?{string.Join('&', query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"))}";
        return $"<{url}>; rel=\"next\"";
    }

    private static string EncodeCursor(DateTime until) =>
        Base64Url.EncodeToString(BitConverter.GetBytes(until.Ticks));

    private static DateTime? DecodeCursor(string cursor)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!Base64Url.TryDecodeFromChars(cursor, bytes, out var written) || written != sizeof(long))
        {
            return null;
        }

        var ticks = BitConverter.ToInt64(bytes[..written]);
        return ticks is >= 0 and <= 3_155_378_975_999_999_999 ? new DateTime(ticks, DateTimeKind.Utc) : null;
    }
}
