// Error codes of the Yamux layer (libp2p/specs yamux/README.md; limits from go-yamux and js-yamux defaults).
namespace WotId.Libp2p.Yamux;

/// <summary>Why a Yamux session or stream failed.</summary>
public enum YamuxError
{
    /// <summary>A frame header had a version other than 0.</summary>
    InvalidVersion,

    /// <summary>A frame header had an unknown type, or a type not allowed on its stream id.</summary>
    InvalidFrameType,

    /// <summary>A frame carried flags that make no sense for its type.</summary>
    InvalidFlags,

    /// <summary>The peer opened a stream with an id of our parity, zero, or already in use.</summary>
    InvalidStreamId,

    /// <summary>The peer sent more data than the stream's receive window allowed.</summary>
    WindowExceeded,

    /// <summary>A window update would push the send window past 2^32 - 1.</summary>
    WindowOverflow,

    /// <summary>The peer kept opening streams beyond the configured limits.</summary>
    StreamLimitExceeded,

    /// <summary>A local open failed because too many streams are open.</summary>
    TooManyStreams,

    /// <summary>The remote reset the stream.</summary>
    StreamReset,

    /// <summary>The stream was aborted locally.</summary>
    StreamAborted,

    /// <summary>Writing after the write side was completed.</summary>
    WriteAfterClose,

    /// <summary>The peer sent GoAway; no new streams can be opened.</summary>
    RemoteGoAway,

    /// <summary>The session was closed (locally, by GoAway or because the transport ended).</summary>
    SessionClosed,

    /// <summary>The transport ended in the middle of a frame or failed.</summary>
    TransportFailed,

    /// <summary>A keep-alive ping was not answered in time.</summary>
    KeepAliveTimeout,

    /// <summary>The peer sent GoAway with a protocol or internal error code.</summary>
    RemoteError,

    /// <summary>The peer made us queue too many control frames (ping floods while not reading).</summary>
    ControlQueueOverflow,

    /// <summary>
    /// An outbound open took longer than <see cref="YamuxOptions.OpenTimeout"/>: no ACK-backlog slot became free, or the
    /// peer neither acknowledged nor reset the stream (which is then reset).
    /// </summary>
    OpenTimeout,
}
