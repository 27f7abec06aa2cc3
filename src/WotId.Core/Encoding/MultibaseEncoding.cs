namespace WotId.Core.Encoding;

/// <summary>The multibase encodings this project reads and writes, by their prefix character.</summary>
public enum MultibaseEncoding
{
    /// <summary>'f': lowercase hex.</summary>
    Base16 = 'f',

    /// <summary>'b': RFC 4648 base32, lowercase, no padding.</summary>
    Base32 = 'b',

    /// <summary>'z': base58btc.</summary>
    Base58Btc = 'z',

    /// <summary>'u': base64url, no padding.</summary>
    Base64Url = 'u',

    /// <summary>'m': RFC 4648 base64, no padding.</summary>
    Base64 = 'm',
}
