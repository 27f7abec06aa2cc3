// CESR (draft-ssmith-cesr, ToIP CESR specification v1.0): error codes of the codec in this folder.
namespace WotId.Tsp.Cesr;

/// <summary>Why a CESR stream was rejected.</summary>
public enum CesrError
{
    /// <summary>The input ended inside a code or a primitive.</summary>
    Truncated = 1,

    /// <summary>The next item is a valid code, but not the one the caller expects here.</summary>
    UnexpectedCode,

    /// <summary>The bytes do not form any code this codec knows.</summary>
    UnknownCode,

    /// <summary>Text-domain input holds a character outside the base64url alphabet.</summary>
    InvalidCharacter,

    /// <summary>The input is not aligned on a 24-bit boundary (text: 4 characters, binary: 3 bytes).</summary>
    Misaligned,

    /// <summary>Pad bits or lead bytes that must be zero are not.</summary>
    NonCanonical,

    /// <summary>A size or count is larger than the remaining input or a configured limit.</summary>
    SizeOutOfRange,

    /// <summary>A count code does not match the number of items that follow.</summary>
    CountMismatch,

    /// <summary>Bytes remain after the last expected item.</summary>
    TrailingData,

    /// <summary>The first byte starts neither a text nor a binary CESR stream.</summary>
    UnknownDomain,
}
