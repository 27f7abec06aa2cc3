using System;
using System.Linq;
using System.Threading.Tasks;
using WotId.Crypto;
using WotId.Tsp.Cesr;
using WotId.Tsp.Wire;

namespace WotId.Tsp.Tests.Wire;

/// <summary>Signing and opening wot.id signed TSP messages with ML-DSA-65, and every rejection reason.</summary>
public sealed class TspSignedMessageTests
{
    [Fact]
    public async Task Mldsa65SignedGenericMessageOpens()
    {
        using MLDsaPrivateKey key = TestKeys.MLDsa(0);
        var signer = new TspMLDsa65Signer(key);
        byte[] wire = TspSignedMessage.Create(signer, TestKeys.Alice, TestKeys.Bob, new TspGenericPayload("{\"x\":1}"u8));

        var verifier = new TspMessageVerifier(TestKeys.ResolverFor(TestKeys.Alice, signer));
        TspOpenedMessage m = await verifier.OpenAsync(wire, TestKeys.Bob, TestContext.Current.CancellationToken);
        Assert.Equal(TestKeys.Alice, m.Sender);
        Assert.Equal(TestKeys.Bob, m.Receiver);
        Assert.Equal(TspSignatureAlgorithm.MLDsa65, m.SignatureAlgorithm);
        Assert.Equal("{\"x\":1}"u8.ToArray(), ((TspGenericPayload)m.Payload).Data.ToArray());
        Assert.Contains("-CRP-KRP1QDM", CesrText.ToText(wire), StringComparison.Ordinal);
    }

    [Fact]
    public void DeterministicMldsaSignaturesMatchADirectLibrarySignature()
    {
        using MLDsaPrivateKey key = TestKeys.MLDsa(0);
        byte[] wire = TspSignedMessage.CreateRaw(new TspMLDsa65Signer(key), TestKeys.Alice, null, "raw"u8);
        TspWireMessage m = TspMessageCodec.Decode(wire);
        Assert.Equal(key.Sign(m.SignedData, ReadOnlySpan<byte>.Empty, deterministic: true), m.Signature.ToArray());
        Assert.True(MLDsa.Verify(MLDsaAlgorithm.MLDsa65, key.PublicKey, m.SignedData, [], m.Signature));
    }

    [Fact]
    public async Task Ed25519SignedMessagesOpenToo()
    {
        using Ed25519PrivateKey key = Ed25519PrivateKey.FromSeed(new byte[32]);
        var signer = new TspEd25519Signer(key);
        byte[] wire = TspSignedMessage.Create(signer, TestKeys.Alice, null, new TspGenericPayload("x"u8));
        TspOpenedMessage m = await new TspMessageVerifier(TestKeys.ResolverFor(TestKeys.Alice, signer))
            .OpenAsync(wire, null, TestContext.Current.CancellationToken);
        Assert.Equal(TspSignatureAlgorithm.Ed25519, m.SignatureAlgorithm);
    }

    [Fact]
    public async Task EveryFlippedBitInTheSignedPartIsRejected()
    {
        using MLDsaPrivateKey key = TestKeys.MLDsa(0);
        var signer = new TspMLDsa65Signer(key);
        byte[] wire = TspSignedMessage.Create(signer, TestKeys.Alice, TestKeys.Bob, new TspGenericPayload("hello"u8));
        var verifier = new TspMessageVerifier(TestKeys.ResolverFor(TestKeys.Alice, signer));
        int signedLength = TspMessageCodec.Decode(wire).SignedData.Length;
        for (int i = 0; i < signedLength; i += 7)
        {
            byte[] copy = (byte[])wire.Clone();
            copy[i] ^= 0x01;
            TspException e = await Assert.ThrowsAsync<TspException>(async () =>
                await verifier.OpenAsync(copy, null, TestContext.Current.CancellationToken));
            Assert.NotEqual(0, (int)e.Error);
        }
    }

    [Theory]
    [InlineData("tampered-payload", TspError.SignatureInvalid)]
    [InlineData("tampered-signature", TspError.SignatureInvalid)]
    [InlineData("unknown-sender", TspError.UnknownSender)]
    [InlineData("wrong-key", TspError.SignatureInvalid)]
    [InlineData("wrong-algorithm", TspError.SignatureAlgorithmMismatch)]
    [InlineData("wrong-receiver", TspError.ReceiverMismatch)]
    [InlineData("payload-sender-mismatch", TspError.PayloadSenderMismatch)]
    [InlineData("raw-not-a-payload", TspError.InvalidPayload)]
    [InlineData("bad-digest", TspError.DigestMismatch)]
    [InlineData("confidential", TspError.ConfidentialNotSupported)]
    [InlineData("too-large", TspError.MessageTooLarge)]
    public async Task RejectionsNameTheirReason(string scenario, TspError expected)
    {
        using MLDsaPrivateKey key = TestKeys.MLDsa(0);
        using MLDsaPrivateKey other = TestKeys.MLDsa(1);
        var signer = new TspMLDsa65Signer(key);
        TspStaticKeyResolver resolver = TestKeys.ResolverFor(TestKeys.Alice, signer);
        byte[] wire = TspSignedMessage.Create(signer, TestKeys.Alice, TestKeys.Bob, new TspGenericPayload("hello"u8));
        string receiver = TestKeys.Bob;
        int maxSize = TspMessageCodec.DefaultMaxMessageSize;
        switch (scenario)
        {
            case "tampered-payload":
                wire[TspMessageCodec.Decode(wire).SignedData.Length - 1] ^= 0x20;
                break;
            case "tampered-signature":
                wire[^10] ^= 0x01;
                break;
            case "unknown-sender":
                resolver = new TspStaticKeyResolver();
                break;
            case "wrong-key":
                resolver.Add(TestKeys.Alice, new TspVerificationKey(TspSignatureAlgorithm.MLDsa65, other.PublicKey));
                break;
            case "wrong-algorithm":
                resolver.Add(TestKeys.Alice, new TspVerificationKey(TspSignatureAlgorithm.Ed25519, new byte[32]));
                break;
            case "wrong-receiver":
                receiver = "did:example:carol";
                break;
            case "payload-sender-mismatch":
                wire = TspSignedMessage.CreateRaw(signer, TestKeys.Alice, TestKeys.Bob,
                    TspPayloadCodec.Encode(new TspGenericPayload("x"u8), "did:example:mallory"));
                break;
            case "raw-not-a-payload":
                wire = TspSignedMessage.CreateRaw(signer, TestKeys.Alice, TestKeys.Bob, "not a payload"u8);
                break;
            case "bad-digest":
                var forged = new TspRelationshipRequest(new TspDigest(TspDigestAlgorithm.Sha256, new byte[32]), new byte[32]);
                wire = TspSignedMessage.Create(signer, TestKeys.Alice, TestKeys.Bob, forged);
                break;
            case "confidential":
                var env = new TspEnvelope(TestKeys.Alice, TestKeys.Bob, null, TspCipherSuite.HpkeBase, new byte[48]);
                wire = TspMessageCodec.Sign(env, signer);
                break;
            case "too-large":
                maxSize = 1000;
                break;
        }

        var verifier = new TspMessageVerifier(resolver, maxSize);
        TspException e = await Assert.ThrowsAsync<TspException>(async () =>
            await verifier.OpenAsync(wire, receiver, TestContext.Current.CancellationToken));
        Assert.Equal(expected, e.Error);
    }

    [Fact]
    public async Task RfiRfaRfdHandshakeRoundTripsWithCheckedDigests()
    {
        using MLDsaPrivateKey aliceKey = TestKeys.MLDsa(0);
        using MLDsaPrivateKey bobKey = TestKeys.MLDsa(100);
        var alice = new TspMLDsa65Signer(aliceKey);
        var bob = new TspMLDsa65Signer(bobKey);
        var resolver = new TspStaticKeyResolver();
        resolver.Add(TestKeys.Alice, new TspVerificationKey(TspSignatureAlgorithm.MLDsa65, alice.PublicKey));
        resolver.Add(TestKeys.Bob, new TspVerificationKey(TspSignatureAlgorithm.MLDsa65, bob.PublicKey));
        var verifier = new TspMessageVerifier(resolver);

        TspRelationshipRequest rfi = TspRelationship.CreateRequest(TestKeys.Alice);
        byte[] rfiWire = TspSignedMessage.Create(alice, TestKeys.Alice, TestKeys.Bob, rfi);
        TspOpenedMessage atBob = await verifier.OpenAsync(rfiWire, TestKeys.Bob, TestContext.Current.CancellationToken);
        var receivedRfi = Assert.IsType<TspRelationshipRequest>(atBob.Payload);
        Assert.Equal(rfi.Digest, receivedRfi.Digest);
        Assert.Null(receivedRfi.NewVid);

        TspRelationshipAccept rfa = TspRelationship.CreateAccept(TestKeys.Bob, receivedRfi.Digest);
        byte[] rfaWire = TspSignedMessage.Create(bob, TestKeys.Bob, TestKeys.Alice, rfa);
        TspOpenedMessage atAlice = await verifier.OpenAsync(rfaWire, TestKeys.Alice, TestContext.Current.CancellationToken);
        var receivedRfa = Assert.IsType<TspRelationshipAccept>(atAlice.Payload);
        Assert.Equal(rfi.Digest, receivedRfa.RequestDigest);
        Assert.NotEqual(rfi.Digest, receivedRfa.ReplyDigest);

        byte[] rfdWire = TspSignedMessage.Create(alice, TestKeys.Alice, TestKeys.Bob, TspRelationship.CreateCancel(receivedRfa.ReplyDigest));
        TspOpenedMessage cancel = await verifier.OpenAsync(rfdWire, TestKeys.Bob, TestContext.Current.CancellationToken);
        Assert.Equal(receivedRfa.ReplyDigest, Assert.IsType<TspRelationshipCancel>(cancel.Payload).Digest);
    }

    [Fact]
    public void RfiDigestIsTheHashOfThePayloadWithAZeroDigest()
    {
        byte[] nonce = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        TspRelationshipRequest rfi = TspRelationship.CreateRequest(TestKeys.Alice, nonce);
        byte[] placeholder = TspPayloadCodec.Encode(new TspRelationshipRequest(TspDigest.Zero(TspDigestAlgorithm.Sha256), nonce), TestKeys.Alice);
        Assert.Equal(Sha256.Hash(placeholder), rfi.Digest.Value.ToArray());
        Assert.True(TspRelationship.VerifyDigest(rfi, TestKeys.Alice));
        Assert.False(TspRelationship.VerifyDigest(rfi, TestKeys.Bob));

        TspRelationshipRequest blake = TspRelationship.CreateRequest(TestKeys.Alice, nonce, TspDigestAlgorithm.Blake2b256);
        Assert.Equal(Blake2b256.Hash(TspPayloadCodec.Encode(new TspRelationshipRequest(TspDigest.Zero(TspDigestAlgorithm.Blake2b256), nonce), TestKeys.Alice)), blake.Digest.Value.ToArray());
    }

    [Fact]
    public void ParallelRelationshipNewVidSignaturesVerify()
    {
        using MLDsaPrivateKey newKey = TestKeys.MLDsa(50);
        var newSigner = new TspMLDsa65Signer(newKey);
        var newVidKey = new TspVerificationKey(TspSignatureAlgorithm.MLDsa65, newSigner.PublicKey);
        TspRelationshipRequest rfi = TspRelationship.CreateParallelRequest(TestKeys.Alice, new byte[32], "did:example:alice2", newSigner);
        TspDecodedPayload decoded = TspPayloadCodec.Decode(TspPayloadCodec.Encode(rfi, TestKeys.Alice));
        Assert.True(TspRelationship.VerifyDigest(decoded.Payload, decoded.Sender));
        Assert.True(TspRelationship.VerifyNewVidSignature(decoded.Payload, decoded.Sender, newVidKey));
        Assert.False(TspRelationship.VerifyNewVidSignature(decoded.Payload, TestKeys.Bob, newVidKey));

        TspRelationshipAccept rfa = TspRelationship.CreateParallelAccept(TestKeys.Bob, rfi.Digest, "did:example:bob2", newSigner);
        TspDecodedPayload decodedRfa = TspPayloadCodec.Decode(TspPayloadCodec.Encode(rfa, TestKeys.Bob));
        Assert.True(TspRelationship.VerifyDigest(decodedRfa.Payload, TestKeys.Bob));
        Assert.True(TspRelationship.VerifyNewVidSignature(decodedRfa.Payload, TestKeys.Bob, newVidKey));
    }
}
