// Hostile input to a mailbox host over real TCP on 127.0.0.1: oversized requests, floods, quota exhaustion, bad and
// misdirected signatures, replayed and stale requests. Each is refused with a typed MailboxError and changes nothing.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Crypto;
using WotId.Mailbox.Hosted;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Tests.Hosted;

public sealed class HostileRequestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARequestOverTheFrameLimitIsRefusedAndStoresNothing()
    {
        await using var host = new TcpMailboxHost();
        HostedMailboxClient owner = host.Client(1);
        MailboxHandle h = await owner.CreateAsync(Array.Empty<byte>(), MailboxLimits.MaxPayloadBytes, Ct);
        MailboxException ex = await Assert.ThrowsAsync<MailboxException>(() => host.Client(2).SendAsync(h.MailboxId, new byte[40_000], Ct));
        Assert.Equal(MailboxError.RequestTooLarge, ex.Error);
        Assert.Empty((await owner.ListAsync(h.MailboxId, null, 50, Ct)).Messages);
    }

    [Fact]
    public async Task AFloodFromOnePeerIsRateLimitedWhileOtherPeersAreServed()
    {
        var clock = new ManualClock();
        await using var host = new TcpMailboxHost(new MailboxHostOptions { Burst = 5, RequestsPerMinute = 1 }, clock);
        HostedMailboxClient owner = host.Client(1, clock);
        HostedMailboxClient flooder = host.Client(2, clock);
        MailboxHandle h = await owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        for (int i = 0; i < 5; i++)
        {
            await flooder.SendAsync(h.MailboxId, new byte[] { 1 }, Ct);
        }

        MailboxException ex = await Assert.ThrowsAsync<MailboxException>(() => flooder.SendAsync(h.MailboxId, new byte[] { 2 }, Ct));
        Assert.Equal(MailboxError.RateLimited, ex.Error);
        Assert.True(ex.IsTransient);
        Assert.Equal(5, (await owner.ListAsync(h.MailboxId, null, 50, Ct)).Messages.Count);

        clock.Advance(TimeSpan.FromMinutes(1));
        SendResult again = await flooder.SendAsync(h.MailboxId, new byte[] { 3 }, Ct);
        Assert.Equal(6UL, again.Seq);
    }

    [Fact]
    public async Task TheMessageQuotaOfAMailboxRefusesSendsUntilTheOwnerMakesRoom()
    {
        await using var host = new TcpMailboxHost(new MailboxHostOptions { MaxMessagesPerMailbox = 2 });
        HostedMailboxClient owner = host.Client(1);
        HostedMailboxClient sender = host.Client(2);
        MailboxHandle h = await owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        IotaAddress first = (await sender.SendAsync(h.MailboxId, new byte[] { 1 }, Ct)).MessageId!.Value;
        await sender.SendAsync(h.MailboxId, new byte[] { 2 }, Ct);
        Assert.Equal(MailboxError.QuotaExceeded, (await Assert.ThrowsAsync<MailboxException>(() => sender.SendAsync(h.MailboxId, new byte[] { 3 }, Ct))).Error);
        await owner.ReceiveAndDeleteAsync(h, first, Ct);
        Assert.Equal(3UL, (await sender.SendAsync(h.MailboxId, new byte[] { 4 }, Ct)).Seq);
    }

    [Fact]
    public async Task ByteQuotasPerMailboxAndInTotalAreEnforced()
    {
        await using var host = new TcpMailboxHost(new MailboxHostOptions { MaxBytesPerMailbox = 100, MaxTotalBytes = 150 });
        HostedMailboxClient owner = host.Client(1);
        HostedMailboxClient sender = host.Client(2);
        MailboxHandle a = await owner.CreateAsync(Array.Empty<byte>(), 1000, Ct);
        MailboxHandle b = await owner.CreateAsync(Array.Empty<byte>(), 1000, Ct);
        await sender.SendAsync(a.MailboxId, new byte[60], Ct);
        Assert.Equal(MailboxError.QuotaExceeded, (await Assert.ThrowsAsync<MailboxException>(() => sender.SendAsync(a.MailboxId, new byte[41], Ct))).Error);
        await sender.SendAsync(b.MailboxId, new byte[90], Ct);
        Assert.Equal(MailboxError.QuotaExceeded, (await Assert.ThrowsAsync<MailboxException>(() => sender.SendAsync(a.MailboxId, new byte[1], Ct))).Error);
    }

    [Fact]
    public async Task AKeyMayCreateOnlyItsShareOfMailboxes()
    {
        await using var host = new TcpMailboxHost(new MailboxHostOptions { MaxMailboxesPerOwner = 1 });
        HostedMailboxClient owner = host.Client(1);
        await owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        Assert.Equal(MailboxError.QuotaExceeded, (await Assert.ThrowsAsync<MailboxException>(() => owner.CreateAsync(Array.Empty<byte>(), 100, Ct))).Error);
        await host.Client(1).CreateAsync(Array.Empty<byte>(), 100, Ct);
    }

    [Fact]
    public async Task ATamperedSignatureIsRefusedAndTheMessageStaysPending()
    {
        await using var host = new TcpMailboxHost();
        using MLDsaPrivateKey key = MLDsaPrivateKey.Generate(MLDsaAlgorithm.MLDsa65);
        HostedMailboxClient owner = host.Client(1, key: key);
        MailboxHandle h = await owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        IotaAddress id = (await host.Client(2).SendAsync(h.MailboxId, new byte[] { 1 }, Ct)).MessageId!.Value;
        var claim = new HostedRequest
        {
            Op = HostedOp.Claim, TimestampMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Nonce = RandomBytes.Get(16),
            MailboxId = h.MailboxId, CapId = h.CapId, Target = id,
        };
        byte[] raw = HostedRequestCodec.Encode(claim, host.HostPeerId, new MLDsaRequestSigner(key));
        raw[^10] ^= 0x01;
        HostedResponse answer = HostedResponseCodec.Decode(HostedOp.Claim, await owner.ExchangeAsync(raw, Ct));
        Assert.Equal((HostedResponse.MailboxFailure, MailboxError.BadSignature), (answer.Status, answer.Error));
        Assert.Equal(MessageState.Pending, Assert.Single((await owner.ListAsync(h.MailboxId, null, 50, Ct)).Messages).State);
    }

    [Fact]
    public async Task ARequestSignedForAnotherHostIsRefused()
    {
        await using var host = new TcpMailboxHost();
        using MLDsaPrivateKey key = MLDsaPrivateKey.Generate(MLDsaAlgorithm.MLDsa65);
        MailboxHandle h = await host.Client(1, key: key).CreateAsync(Array.Empty<byte>(), 100, Ct);
        HostedMailboxClient misdirected = host.Client(1, signFor: RandomBytes.Get(34), key: key);
        MailboxException ex = await Assert.ThrowsAsync<MailboxException>(() => misdirected.SetBlockedAsync(h, new IotaAddress(RandomBytes.Get(32)), true, Ct));
        Assert.Equal(MailboxError.BadSignature, ex.Error);
        Assert.Empty((await misdirected.GetMailboxAsync(h.MailboxId, Ct)).Blocked);
    }

    [Fact]
    public async Task AReplayedRequestIsRefusedAndStoresNothingTwice()
    {
        await using var host = new TcpMailboxHost();
        using MLDsaPrivateKey key = MLDsaPrivateKey.Generate(MLDsaAlgorithm.MLDsa65);
        HostedMailboxClient owner = host.Client(1);
        MailboxHandle h = await owner.CreateAsync(Array.Empty<byte>(), 100, Ct);
        var send = new HostedRequest
        {
            Op = HostedOp.Send, TimestampMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Nonce = RandomBytes.Get(16),
            MailboxId = h.MailboxId, Data = [7],
        };
        byte[] raw = HostedRequestCodec.Encode(send, host.HostPeerId, new MLDsaRequestSigner(key));
        Assert.Equal(HostedResponse.Ok, HostedResponseCodec.Decode(HostedOp.Send, await owner.ExchangeAsync(raw, Ct)).Status);
        HostedResponse replay = HostedResponseCodec.Decode(HostedOp.Send, await owner.ExchangeAsync(raw, Ct));
        Assert.Equal((HostedResponse.MailboxFailure, MailboxError.Replayed), (replay.Status, replay.Error));
        Assert.Single((await owner.ListAsync(h.MailboxId, null, 50, Ct)).Messages);
    }

    [Fact]
    public async Task ARequestOutsideTheClockWindowIsRefused()
    {
        var late = new ManualClock();
        late.Advance(TimeSpan.FromMinutes(-10));
        await using var host = new TcpMailboxHost();
        MailboxException ex = await Assert.ThrowsAsync<MailboxException>(() => host.Client(1, late).CreateAsync(Array.Empty<byte>(), 100, Ct));
        Assert.Equal(MailboxError.StaleRequest, ex.Error);
    }

    [Fact]
    public async Task GarbageIsRefusedAsMalformed()
    {
        await using var host = new TcpMailboxHost();
        HostedMailboxClient client = host.Client(1);
        HostedResponse answer = HostedResponseCodec.Decode(HostedOp.GetMailbox, await client.ExchangeAsync([0xFF, 1, 2, 3], Ct));
        Assert.Equal((HostedResponse.MailboxFailure, MailboxError.MalformedRequest), (answer.Status, answer.Error));
    }
}
