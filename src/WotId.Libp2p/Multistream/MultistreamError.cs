namespace WotId.Libp2p.Multistream;

/// <summary>Why a multistream-select negotiation failed.</summary>
public enum MultistreamError
{
    /// <summary>The stream ended before the negotiation finished.</summary>
    EndOfStream,

    /// <summary>A length prefix is not a valid varint.</summary>
    InvalidVarint,

    /// <summary>A message is longer than <see cref="MultistreamSelect.MaxMessageLength"/>.</summary>
    MessageTooLong,

    /// <summary>A message is empty or does not end with '\n'.</summary>
    MissingNewline,

    /// <summary>A message is not valid UTF-8 or contains a newline inside.</summary>
    InvalidText,

    /// <summary>The first message is not <c>/multistream/1.0.0</c>.</summary>
    BadHeader,

    /// <summary>The listener refused every protocol the dialer proposed.</summary>
    NoProtocolInCommon,

    /// <summary>The listener answered with something other than the proposal or <c>na</c>.</summary>
    UnexpectedResponse,

    /// <summary>The dialer proposed more unsupported protocols than allowed.</summary>
    TooManyAttempts,

    /// <summary>A protocol id given by the caller is empty, too long or contains a newline.</summary>
    InvalidProtocolId,
}
