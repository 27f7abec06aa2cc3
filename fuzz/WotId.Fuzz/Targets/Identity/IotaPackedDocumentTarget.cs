// Fuzz target: the packed on-chain did:iota document decoder (IOTA Identity state metadata V1, JSON encoding),
// then the document model on what it yields and a re-pack; also did:iota DID parsing on the input as text.
using System;
using WotId.Identity;
using WotId.Identity.Dids.Iota;

namespace WotId.Fuzz.Targets.Identity;

/// <summary>Feeds arbitrary bytes to <see cref="IotaDidDocumentPacking.Unpack"/>; only <see cref="IdentityFormatException"/> may escape.</summary>
public sealed class IotaPackedDocumentTarget : IFuzzTarget
{
    private static readonly IotaDid s_did = IotaDid.FromObjectId("0x" + new string('a', 64), "a9c98038");

    /// <inheritdoc />
    public string Name => "identity-iota-packed-document";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        _ = IotaDid.TryParse(System.Text.Encoding.UTF8.GetString(input), out _);
        IotaPackedDocument unpacked;
        try
        {
            unpacked = IotaDidDocumentPacking.Unpack(input, s_did);
        }
        catch (IdentityFormatException)
        {
            return;
        }

        Swallow(() => unpacked.ToDidDocument());
        Swallow(() => IotaDidDocumentPacking.Pack(unpacked.DocumentJson, unpacked.Metadata));
    }

    private static void Swallow(Action decode)
    {
        try
        {
            decode();
        }
        catch (IdentityFormatException)
        {
            // Documented rejection.
        }
    }
}
