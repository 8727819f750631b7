namespace DeltaStream.FanoutBench;

/// <summary>The text received and not yet read: a growable byte buffer that is read from the front.</summary>
internal sealed class TextBuffer
{
    private byte[] bytes = new byte[64 * 1024];
    private int start;
    private int end;

    public ReadOnlySpan<byte> Unread => bytes.AsSpan(start, end - start);

    public void Append(ReadOnlySpan<byte> text)
    {
        if (end + text.Length > bytes.Length)
        {
            var unread = end - start;
            if (unread + text.Length > bytes.Length)
            {
                Array.Resize(ref bytes, Math.Max(bytes.Length * 2, unread + text.Length));
            }

            bytes.AsSpan(start, unread).CopyTo(bytes);
            (start, end) = (0, unread);
        }

        text.CopyTo(bytes.AsSpan(end));
        end += text.Length;
    }

    /// <summary>Marks the first <paramref name="count"/> unread bytes read.</summary>
    public void Consume(int count)
    {
        start += count;
        if (start == end)
        {
            start = end = 0;
        }
    }
}
