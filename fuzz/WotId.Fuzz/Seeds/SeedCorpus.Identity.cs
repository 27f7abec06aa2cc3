// Seeds for the identity targets: a VerifiedHuman credential and a presentation as vc+jwt / vp+jwt (VC-JOSE-COSE
// with ML-DSA-44), the credential's JSON payload, and the DID-side texts: did:key, a DID URL, a DID document,
// an AKP JWK and a Bitstring Status List encodedList; a packed did:iota document (IOTA Identity state metadata V1); a
// RevocationBitmap2022 as Roaring bytes (an array and a bitset container) and as its endpoint text.
using System;
using System.Collections.Generic;
using System.Text;
using WotId.Core.Encoding;
using WotId.Identity;
using WotId.Identity.Credentials;
using WotId.Identity.Dids;
using WotId.Identity.Dids.Iota;
using WotId.Identity.Issuing;
using WotId.Identity.Jose;
using WotId.Identity.Keys;
using WotId.Identity.Status;

namespace WotId.Fuzz.Seeds;

internal static partial class SeedCorpus
{
    private static IEnumerable<Seed> Identity()
    {
        using SigningKey issuerKey = SigningKey.FromSeed(KeyAlgorithm.MLDsa44, new byte[32]);
        var holderSeed = new byte[32];
        holderSeed[0] = 1;
        using SigningKey holderKey = SigningKey.FromSeed(KeyAlgorithm.MLDsa44, holderSeed);
        var issuer = new CredentialIssuer(issuerKey, new IssuerState("https://issuer.example/status/1"));
        string credential = issuer.IssueVerifiedHuman(holderKey.Did, TimeSpan.FromDays(365)).Jws;
        yield return Text("identity-jws", "credential", credential);
        yield return new Seed("identity-jws", "credential-payload", Base64Url.Decode(credential.Split('.')[1]));
        string presentation = PresentationBuilder.Create(
            holderKey, holderKey.Did, DidKey.VerificationMethodId(holderKey.Did), [credential], "challenge", "did:example:verifier",
            DateTimeOffset.UnixEpoch.AddDays(20_000), TimeSpan.FromMinutes(5));
        yield return Text("identity-jws", "presentation", presentation);

        using SigningKey edKey = SigningKey.FromSeed(KeyAlgorithm.Ed25519, new byte[32]);
        yield return Text("identity-did", "did-key-ed25519", edKey.Did);
        yield return Text("identity-did", "did-url", DidKey.VerificationMethodId(edKey.Did) + "?service=x");
        yield return Text("identity-did", "did-document", DidKeyResolver.CreateDocument(edKey.Did).ToJson());
        yield return Text("identity-did", "akp-jwk", AkpJwk.ToJson(issuerKey.PublicKey));
        using (SigningKey composite = SigningKey.FromSeed(KeyAlgorithm.MLDsa44Ed25519, new byte[64]))
        {
            const string iota = "did:iota:0x0000000000000000000000000000000000000000000000000000000000000001";
            DidDocument jwkDocument = new DidDocumentBuilder(iota).AddSigningKey("key-1", issuerKey.PublicKey).AddSigningKey("key-2", composite.PublicKey).Build();
            yield return Text("identity-did", "did-document-jwk", jwkDocument.ToJson(VerificationMethodFormat.JsonWebKey));
        }

        BitstringStatusList list = BitstringStatusList.Create();
        list.Set(3, true);
        yield return Text("identity-did", "status-list", list.Encode());
        yield return Text("identity-did", "status-list-2021", list.EncodeStatusList2021());
        yield return new Seed("identity-did", "multikey-bytes", Encoding.ASCII.GetBytes(edKey.Did["did:key:".Length..]));

        IotaDid iotaDid = IotaDid.FromObjectId("0x" + new string('a', 64), "a9c98038");
        DidDocument iotaDoc = new DidDocumentBuilder(iotaDid.Value).AddSigningKey("sig", issuerKey.PublicKey).AddMailbox("0x" + new string('b', 64)).Build();
        var created = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        yield return new Seed("identity-iota-packed-document", "ml-dsa-44-document", IotaDidDocumentPacking.Pack(iotaDoc, new IotaDocumentMetadata(created, created, deactivated: true)));

        var bitmap = new RevocationBitmap();
        foreach (uint index in (uint[])[0, 5, 6, 8, 67_000])
        {
            bitmap.Revoke(index);
        }

        yield return new Seed("identity-revocation-bitmap", "roaring-array", bitmap.ToRoaringBytes());
        yield return Text("identity-revocation-bitmap", "endpoint", bitmap.ToEndpoint()[RevocationBitmap.DataUrlPrefix.Length..]);
        for (uint index = 1 << 16; index < (1 << 16) + 4100; index++)
        {
            bitmap.Revoke(index);
        }

        yield return new Seed("identity-revocation-bitmap", "roaring-bitset", bitmap.ToRoaringBytes());
    }
}
