// Fuzz target: the DID decoders — did:key / Multikey (text and bytes), DID URL splitting, DID document JSON,
// AKP JWK JSON, IOTA Identity's composite JWK JSON and Bitstring Status List encodedList.
using System;
using WotId.Identity;
using WotId.Identity.Dids;
using WotId.Identity.Jose;
using WotId.Identity.Status;

namespace WotId.Fuzz.Targets.Identity;

/// <summary>Feeds arbitrary input to the DID, JWK and status-list decoders; only <see cref="IdentityFormatException"/> may escape.</summary>
public sealed class DidTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "identity-did";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        string text = System.Text.Encoding.UTF8.GetString(input);
        byte[] bytes = input.ToArray();
        _ = DidSyntax.IsDid(text);
        Swallow(() => DidKey.Parse(text));
        Swallow(() => DidKey.Parse("did:key:" + text));
        Swallow(() => Multikey.DecodeBytes(bytes));
        Swallow(() => DidSyntax.SplitUrl(text));
        Swallow(() => DidDocument.Parse(text));
        Swallow(() => AkpJwk.Parse(text));
        Swallow(() => CompositeJwk.Parse(text));
        Swallow(() => BitstringStatusList.Decode(text));
        Swallow(() => BitstringStatusList.DecodeStatusList2021(text));
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
