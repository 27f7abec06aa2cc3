// wot.id "Trust & Security Protocol" JSON envelope (wot.id-public-docs 06_P2P_Communication.md §5; docs/messages.md).
namespace WotId.Tsp.Messages;

/// <summary>Why a wot.id message was rejected.</summary>
public enum WotMessageError
{
    /// <summary>The message is larger than the limit.</summary>
    TooLarge = 1,

    /// <summary>The bytes are not UTF-8 JSON.</summary>
    NotJson,

    /// <summary>The JSON nests deeper than the limit.</summary>
    TooDeep,

    /// <summary>An object has the same member twice.</summary>
    DuplicateMember,

    /// <summary>A required member is missing.</summary>
    MissingField,

    /// <summary>A member the schema does not define.</summary>
    UnknownField,

    /// <summary>A member has the wrong JSON type.</summary>
    WrongType,

    /// <summary>A string length, array length or number is outside its range.</summary>
    OutOfRange,

    /// <summary>A string does not have the required format (id, DID, timestamp, hash, base64url…).</summary>
    InvalidFormat,

    /// <summary>The <c>type</c> is not one of the wot.id message types.</summary>
    UnknownType,
}
