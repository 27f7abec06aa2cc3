// The RevocationBitmap2022 service endpoint (identity.rs identity_credential revocation_bitmap_2022/bitmap.rs):
//   serviceEndpoint = "data:application/octet-stream;base64," ‖ base64url-unpadded(zlib(Roaring portable bytes))
// A payload that does not start with "eJy" is the form written before identity.rs issue 1291 was fixed, in which the
// base64url text was itself base64-encoded (standard alphabet, unpadded); it is read, never written.
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
        if (!payload.StartsWith("eJy", StringComparison.Ordinal))
        {
            payload = Encoding.ASCII.GetString(StrictBase64(payload, urlSafe: false));
        }

        byte[] roaring = ZlibCodec.Decompress(StrictBase64(payload, urlSafe: true), MaxDecompressedBytes);
        return FromRoaringBytes(roaring);
    }

    /// <summary>Unpadded, canonical base64 (RFC 4648 §4) or base64url (§5).</summary>
    private static byte[] StrictBase64(string text, bool urlSafe)
    {
        foreach (char c in text)
        {
            bool ok = char.IsAsciiLetterOrDigit(c) || (urlSafe ? c is '-' or '_' : c is '+' or '/');
            if (!ok)
            {
                throw new IdentityFormatException(IdentityError.MalformedStatusList, "revocation bitmap is not unpadded base64");
            }
        }

        if (text.Length % 4 == 1)
        {
            throw new IdentityFormatException(IdentityError.MalformedStatusList, "revocation bitmap base64 has a bad length");
        }

        string standard = urlSafe ? text.Replace('-', '+').Replace('_', '/') : text;
        byte[] bytes = Convert.FromBase64String(standard + new string('=', (4 - (text.Length % 4)) % 4));
        string again = Convert.ToBase64String(bytes).TrimEnd('=');
        if (again != standard)
        {
            throw new IdentityFormatException(IdentityError.MalformedStatusList, "revocation bitmap base64 is not canonical");
        }

        return bytes;
    }
}
