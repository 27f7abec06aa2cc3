// Fuzz target: IOTA Identity's RevocationBitmap2022 decoders — the input as Roaring portable bytes, and as a service
// endpoint (the input as text after the data URL prefix, and as zlib-wrapped Roaring bytes); what decodes is re-encoded.
using System;
using System.IO;
using System.IO.Compression;
using WotId.Core.Encoding;
using WotId.Identity;
using WotId.Identity.Status;

namespace WotId.Fuzz.Targets.Identity;

/// <summary>Feeds arbitrary bytes to <see cref="RevocationBitmap"/>; only <see cref="IdentityFormatException"/> may escape.</summary>
public sealed class RevocationBitmapTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "identity-revocation-bitmap";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        byte[] bytes = input.ToArray();
        Decode(() => RevocationBitmap.FromRoaringBytes(bytes));
        Decode(() => RevocationBitmap.FromEndpoint(RevocationBitmap.DataUrlPrefix + System.Text.Encoding.Latin1.GetString(bytes)));
        Decode(() => RevocationBitmap.FromEndpoint(RevocationBitmap.DataUrlPrefix + Base64Url.Encode(ZLib(bytes))));
    }

    private static void Decode(Func<RevocationBitmap> decode)
    {
        RevocationBitmap bitmap;
        try
        {
            bitmap = decode();
        }
        catch (IdentityFormatException)
        {
            return;
        }

        _ = RevocationBitmap.FromEndpoint(bitmap.ToEndpoint());
    }

    private static byte[] ZLib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }
}
