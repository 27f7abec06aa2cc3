// CsCheck properties of /wotid/mailbox/1.0.0: garbage never crashes the request and response decoders (only
// MailboxException escapes) nor the host (it always answers with a decodable response), and requests and responses
// round-trip through their codecs.
using System;
using System.IO;
using CsCheck;
using WotId.Crypto;
using WotId.Mailbox.Hosted;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Tests.Properties;

public sealed class HostedCodecPropertyTests
{
    private static readonly HostedOp[] s_ops = Enum.GetValues<HostedOp>();

    [Fact]
    public void ArbitraryBytesNeverThrowAnythingButMailboxException() =>
        Gen.Byte.Array[0, 600].Sample(bytes =>
        {
            try
            {
                HostedRequestCodec.Decode(bytes);
            }
            catch (MailboxException e)
            {
                Assert.Equal(MailboxError.MalformedRequest, e.Error);
            }

            foreach (HostedOp op in s_ops)
            {
                try
                {
                    HostedResponseCodec.Decode(op, bytes);
                }
                catch (MailboxException e)
                {
                    Assert.Equal(MailboxError.MalformedResponse, e.Error);
                }
            }
        }, iter: 5_000);

    [Fact]
    public void TheHostAnswersEveryGarbageRequestWithADecodableRefusal()
    {
        string folder = Path.Combine(Path.GetTempPath(), "wotid-hosted-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using var host = new MailboxHost(Path.Combine(folder, "hosted.db"), new byte[34], new MailboxHostOptions { Burst = 100_000 });
            Gen.Select(Gen.Byte[1, 9], Gen.Byte.Array[0, 300]).Sample((op, tail) =>
            {
                byte[] body = [op, .. tail];
                HostedResponse r = HostedResponseCodec.Decode((HostedOp)op, host.Handle(body, new byte[34]));
                Assert.Equal(HostedResponse.MailboxFailure, r.Status);
            }, iter: 2_000);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void UnsignedRequestsRoundTrip() =>
        Gen.Select(Gen.Byte.Array[32], Gen.String[0, 40], Gen.Int[0, ushort.MaxValue], Gen.Long[0, long.MaxValue]).Sample((id, cursor, size, at) =>
        {
            var q = new HostedRequest { Op = HostedOp.List, TimestampMs = at, Nonce = new byte[16], MailboxId = new IotaAddress(id), Cursor = cursor.Length == 0 ? null : cursor, PageSize = size };
            HostedRequest back = HostedRequestCodec.Decode(HostedRequestCodec.Encode(q, new byte[34], null));
            Assert.Equal((q.Op, q.TimestampMs, q.MailboxId, q.Cursor, q.PageSize), (back.Op, back.TimestampMs, back.MailboxId, back.Cursor, back.PageSize));
        }, iter: 500);

    [Fact]
    public void SignedRequestsRoundTripAndTheirSignatureCoversEveryByteBeforeIt()
    {
        using MLDsaPrivateKey key = MLDsaPrivateKey.Generate(MLDsaAlgorithm.MLDsa65);
        var signer = new MLDsaRequestSigner(key);
        byte[] hostPeer = RandomBytes.Get(34);
        Gen.Select(Gen.Byte[3, 9], Gen.Byte.Array[0, 200], Gen.Bool).Sample((op, data, blocked) =>
        {
            var q = new HostedRequest
            {
                Op = (HostedOp)op, TimestampMs = 1, Nonce = RandomBytes.Get(16), MailboxId = new IotaAddress(RandomBytes.Get(32)),
                CapId = new IotaAddress(RandomBytes.Get(32)), Target = new IotaAddress(RandomBytes.Get(32)), Blocked = blocked, Data = data,
            };
            if (q.Op == HostedOp.List)
            {
                return;
            }

            byte[] encoded = HostedRequestCodec.Encode(q, hostPeer, signer);
            HostedRequest back = HostedRequestCodec.Decode(encoded);
            Assert.Equal(q.MailboxId, back.MailboxId);
            Assert.Equal(signer.PublicKey.ToArray(), back.PublicKey);
            byte[] signed = HostedMailboxProtocol.SignedMessage(hostPeer, encoded.AsSpan(0, back.SignedLength));
            Assert.True(MLDsa.Verify(MLDsaAlgorithm.MLDsa65, back.PublicKey, signed, ReadOnlySpan<byte>.Empty, back.Signature));
        }, iter: 30);
    }
}
