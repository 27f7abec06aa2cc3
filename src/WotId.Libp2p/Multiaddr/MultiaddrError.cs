namespace WotId.Libp2p.Multiaddr;

/// <summary>Why a multiaddr was rejected.</summary>
public enum MultiaddrError
{
    /// <summary>Empty input.</summary>
    Empty,

    /// <summary>Longer than <see cref="Multiaddress.MaxBinaryLength"/> bytes or <see cref="Multiaddress.MaxTextLength"/> characters.</summary>
    TooLong,

    /// <summary>Text that does not start with '/' or has an empty component name.</summary>
    InvalidSyntax,

    /// <summary>A protocol name that is not known (text form only; unknown binary codes round-trip as opaque).</summary>
    UnknownProtocol,

    /// <summary>A protocol that needs a value has none.</summary>
    MissingValue,

    /// <summary>A value that is not valid for its protocol (address, port, peer id, name...).</summary>
    InvalidValue,

    /// <summary>A varint in the binary form is malformed or longer than allowed.</summary>
    InvalidVarint,

    /// <summary>The binary form ends inside a component.</summary>
    Truncated,
}
