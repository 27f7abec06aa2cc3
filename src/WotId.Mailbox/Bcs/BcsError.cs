namespace WotId.Mailbox.Bcs;

/// <summary>Why a BCS input was rejected.</summary>
public enum BcsError
{
    /// <summary>The input ended before the value was complete.</summary>
    Truncated,

    /// <summary>A ULEB128 length was not minimal, or did not fit in 32 bits.</summary>
    InvalidUleb128,

    /// <summary>A length exceeds the configured bound or the remaining input.</summary>
    LengthOutOfRange,

    /// <summary>An enum variant index is not defined.</summary>
    UnknownVariant,

    /// <summary>A bool byte was neither 0 nor 1.</summary>
    InvalidBool,

    /// <summary>A string was not valid UTF-8 or not a valid Move identifier.</summary>
    InvalidString,

    /// <summary>Bytes were left after the top-level value.</summary>
    TrailingBytes,

    /// <summary>Nesting (type tags) deeper than allowed.</summary>
    TooDeep,

    /// <summary>A fixed-size field (digest) had the wrong length.</summary>
    InvalidFixedLength,
}
