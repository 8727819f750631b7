namespace DeltaStream.Gateway.Realtime.Outbox;

/// <summary>
/// What feeds a connection's outbox (a chain or an underlying). A source whose message did not fit is skipped
/// until the outbox has drained; then <see cref="CatchUp"/> posts its current state, so the connection resumes
/// from a fresh snapshot instead of a gap.
/// </summary>
internal interface IOutboxSource
{
    void CatchUp(ConnectionOutbox outbox);

    /// <summary>The connection closed: forget it.</summary>
    void Detach(ConnectionOutbox outbox);
}
