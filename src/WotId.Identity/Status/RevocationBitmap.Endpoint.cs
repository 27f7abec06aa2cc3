// The RevocationBitmap2022 service endpoint (identity.rs identity_credential revocation_bitmap_2022/bitmap.rs):
//   serviceEndpoint = "data:application/octet-stream;base64," ‖ base64url-unpadded(zlib(Roaring portable bytes))
// The form written before identity.rs issue 1291 was fixed, in which that base64url text was itself base64-encoded
// (standard alphabet, unpadded), is read, never written. IOTA Identity tells the two apart by the "eJy" prefix, which
// only zlib level 6 streams whose first DEFLATE block is a fixed-Huffman one have: its own encoder writes "eJw…"/"eJz…"
// once miniz picks a dynamic first block (7 indices in 7 containers are enough), and its decoder then refuses its own
// endpoint ("invalid data url - expected valid utf-8", @iota/identity-wasm 1.9.7-beta.1). We read a payload as the
// current form when it decodes to a zlib header (RFC 1950 §2.2: CM 8, CINFO ≤ 7, FCHECK), else as the old form; and we
// always write "eJy…" (Roaring/ZlibCodec.cs) so that IOTA Identity reads ours.
// Bounds: MaxEndpointLength characters, MaxDecompressedBytes after zlib, RevocationBitmap.MaxContainers containers.
using System;
using System.Text;
using WotId.Identity.Dids;
using WotId.Identity.Status.Roaring;

namespace WotId.Identity.Status;

/// <summary>The DID document service form.</summary>
public sealed partial class RevocationBitmap
{
    /// <summary>The endpoint prefix.</summary>
    public const string DataUrlPrefix = "data:application/octet-stream;base64,";

    /// <summary>Longest endpoint accepted (characters).</summary>
    public const int MaxEndpointLength = 256 * 1024;

    /// <summary>Largest Roaring serialization accepted after decompression (bytes).</summary>
    public const int MaxDecompressedBytes = 1024 * 1024;

    /// <summary>The <c>serviceEndpoint</c> data URL.</summary>
    /// <exception cref="InvalidOperationException">The Roaring bytes exceed <see cref="MaxDecompressedBytes"/> (readers would refuse them).</exception>
    public string ToEndpoint()
    {
        byte[] roaring = ToRoaringBytes();
        if (roaring.Length > MaxDecompressedBytes)
        {
            throw new InvalidOperationException($"the revocation bitmap serializes to more than {MaxDecompressedBytes} bytes");
        }

        return DataUrlPrefix + Core.Encoding.Base64Url.Encode(ZlibCodec.Compress(roaring));
    }

    /// <summary>The service for the issuer's DID document (<paramref name="serviceId"/> is <c>did…#fragment</c>).</summary>
    public DidService ToService(string serviceId) => new(serviceId, Type, ToEndpoint());

    /// <summary>Reads a <see cref="Type"/> service.</summary>
    /// <exception cref="IdentityFormatException">Another type, or a malformed endpoint.</exception>
    public static RevocationBitmap FromService(DidService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.Type != Type)
        {
            throw new IdentityFormatException(IdentityError.MalformedStatusList, "service type is not RevocationBitmap2022");
        }

        return FromEndpoint(service.Endpoint);
    }

    /// <summary>Reads a <c>serviceEndpoint</c> data URL.</summary>
    /// <exception cref="IdentityFormatException">Not the data URL, not base64, not zlib, not Roaring, or over a bound.</exception>
    public static RevocationBitmap FromEndpoint(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Length > MaxEndpointLength)
        {
            throw new IdentityFormatException(IdentityError.TooLarge, "revocation bitmap endpoint too long");
        }

        if (!endpoint.StartsWith(DataUrlPrefix, StringComparison.Ordinal))
        {
            throw new IdentityFormatException(IdentityError.MalformedStatusList, "endpoint must be a data:application/octet-stream;base64 URL");
        }

        string payload = endpoint[DataUrlPrefix.Length..];
        byte[] compressed = StrictBase64(payload, urlSafe: true, throwOnError: false) is { } current && IsZlibHeader(current)
            ? current
            : StrictBase64(Encoding.ASCII.GetString(StrictBase64(payload, urlSafe: false)!), urlSafe: true)!;
        byte[] roaring = ZlibCodec.Decompress(compressed, MaxDecompressedBytes);
        return FromRoaringBytes(roaring);
    }

    private static bool IsZlibHeader(byte[] b) => b.Length >= 2 && (b[0] & 0x0F) == 8 && b[0] >> 4 <= 7 && ((b[0] << 8) | b[1]) % 31 == 0;

    /// <summary>Unpadded, canonical base64 (RFC 4648 §4) or base64url (§5); null instead of throwing when asked.</summary>
    private static byte[]? StrictBase64(string text, bool urlSafe, bool throwOnError = true)
    {
        bool ok = text.Length % 4 != 1;
        foreach (char c in text)
        {
            ok &= char.IsAsciiLetterOrDigit(c) || (urlSafe ? c is '-' or '_' : c is '+' or '/');
        }

        string standard = urlSafe ? text.Replace('-', '+').Replace('_', '/') : text;
        byte[]? bytes = ok ? Convert.FromBase64String(standard + new string('=', (4 - (text.Length % 4)) % 4)) : null;
        if (bytes is not null && Convert.ToBase64String(bytes).TrimEnd('=') == standard)
        {
            return bytes;
        }

        return throwOnError
            ? throw new IdentityFormatException(IdentityError.MalformedStatusList, "revocation bitmap is not unpadded, canonical base64")
            : null;
    }
}
