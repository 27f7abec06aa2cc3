// Every handshake failure reason between two real nodes over TCP on 127.0.0.1: one row per reason, each breaking
// exactly one thing on the dialling side; the listening side detects it, sends the signed error, both gates report
// the reason and the connection closes.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Issuing;
using WotId.Identity.Status;
using WotId.Libp2p.Host;
using WotId.Node.Handshake;
using WotId.Signal.Keys;
using WotId.Testing;

namespace WotId.Node.Tests.Handshake;

public sealed class HandshakeFailureTableTests
{
    private static readonly TimeSpan s_safetyNet = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, Row> s_rows = new()
    {
        ["credential signature flipped"] = new(HandshakeFailureReason.BadSignature, s => s.Client.Credential = FlipSignature(s.Client.Credential!)),
        ["issuer not trusted by the listener"] = new(HandshakeFailureReason.UntrustedIssuer, s => s.ServerTrusted = ["did:key:zNotTheIssuer"]),
        ["credential expired"] = new(HandshakeFailureReason.Expired, s => s.Client.Credential = IssueAt(s, TimeSpan.FromDays(-40))),
        ["credential not yet valid"] = new(HandshakeFailureReason.NotYetValid, s => s.Client.Credential = IssueAt(s, TimeSpan.FromDays(1))),
        ["credential revoked"] = new(HandshakeFailureReason.Revoked, s => { Assert.True(s.World.Issuer.Revoke(s.Client.CredentialId)); s.World.Publish(); }),
        ["status list unavailable"] = new(HandshakeFailureReason.StatusUnavailable, s => s.ServerStatus = new LocalStatusListCache()),
        ["credential of another subject"] = new(HandshakeFailureReason.SubjectMismatch, s => s.Client.Credential = s.World.Issuer.IssueVerifiedHuman(s.World.NewParty().Key.Did, TimeSpan.FromDays(1)).Jws),
        ["presentation bound to another Signal identity key"] = new(HandshakeFailureReason.BindingMismatch, s => s.ClientFilter = (n, f) => n == 3 ? FrameRewriter.WithIdentityKey(f, s.Client.Key, s.OtherSignalKey.PublicKey) : f),
        ["presentation replayed from an earlier connection"] = new(HandshakeFailureReason.ReplayedPresentation, s => s.ReplayEarlierMessage3 = true),
        ["no credential"] = new(HandshakeFailureReason.MissingCredential, s => s.Client.Credential = null),
        ["garbage instead of message 3"] = new(HandshakeFailureReason.MalformedMessage, s => s.ClientFilter = (n, f) => n == 3 ? [0x01, 0x02, 0x03, 0xff] : f),
        ["message 3 of version 2"] = new(HandshakeFailureReason.VersionNotSupported, s => s.ClientFilter = (n, f) => n == 3 ? FrameRewriter.WithVersion(f, s.Client.Key, 2) : f),
        ["message 3 never sent"] = new(HandshakeFailureReason.Timeout, s => { s.ServerTimeout = TimeSpan.FromSeconds(2); s.ClientFilter = (n, f) => n == 3 ? null : f; }),
    };

    public static TheoryData<string> Rows() => new(s_rows.Keys);

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task EachRowFailsOnBothSidesWithExactlyItsReason(string row)
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        using var setup = new Setup();
        Row r = s_rows[row];
        r.Configure(setup);
        await using TestNode server = await TestNode.StartAsync(setup.Server.Identity(), setup.World.Policy(setup.ServerStatus, setup.ServerTrusted, setup.ServerTimeout));
        await using TestNode client = await TestNode.StartAsync(setup.Client.Identity(), setup.World.Policy());
        if (setup.ReplayEarlierMessage3)
        {
            byte[] earlier = await CaptureMessage3Async(client, server, cts.Token);
            setup.ClientFilter = (n, f) => n == 3 ? earlier : f;
        }

        client.Gate.Services.OutgoingFrameFilter = setup.ClientFilter;
        Task<HandshakeEvent> onServer = server.NextHandshakeAsync(cts.Token);
        Task<HandshakeEvent> onClient = client.NextHandshakeAsync(cts.Token);
        Libp2pConnection c = await client.Host.DialAsync(server.Address, cts.Token);

        HandshakeException serverSide = (await onServer).Failure!;
        HandshakeException clientSide = (await onClient).Failure!;
        Assert.True(r.Expected == serverSide.Reason, $"{row}: listener saw {serverSide.Message}");
        Assert.False(serverSide.ReportedByPeer);
        Assert.True(r.Expected == clientSide.Reason, $"{row}: dialler saw {clientSide.Message}");
        Assert.True(clientSide.ReportedByPeer, $"{row}: {clientSide.Message}");
        await c.Completion.WaitAsync(cts.Token);
        Assert.True(c.IsClosed);
        Assert.False(c.IsGateOpen);
    }

    [Fact]
    public void EveryFailureReasonHasARow()
    {
        IEnumerable<HandshakeFailureReason> covered = s_rows.Values.Select(r => r.Expected).Distinct();
        Assert.Empty(Enum.GetValues<HandshakeFailureReason>().Except(covered));
    }

    /// <summary>Runs one successful handshake and returns the dialler's message 3 from it.</summary>
    private static async Task<byte[]> CaptureMessage3Async(TestNode client, TestNode server, CancellationToken cancellationToken)
    {
        byte[]? captured = null;
        client.Gate.Services.OutgoingFrameFilter = (n, f) =>
        {
            if (n == 3)
            {
                captured = f;
            }

            return f;
        };
        Task<HandshakeEvent> onServer = server.NextHandshakeAsync(cancellationToken);
        Task<HandshakeEvent> onClient = client.NextHandshakeAsync(cancellationToken);
        Libp2pConnection first = await client.Host.DialAsync(server.Address, cancellationToken);
        Assert.True((await onServer).Succeeded);
        Assert.True((await onClient).Succeeded);
        await first.CloseAsync();
        await first.Completion.WaitAsync(cancellationToken);
        while (server.Host.Connections.Count > 0)
        {
            await Task.Delay(10, cancellationToken);
        }

        return captured!;
    }

    private static string FlipSignature(string jws)
    {
        int at = jws.Length - 100;
        char[] chars = jws.ToCharArray();
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    private static string IssueAt(Setup s, TimeSpan offset)
    {
        var clock = new ManualTime(DateTimeOffset.UtcNow + offset);
        var issuer = new CredentialIssuer(s.World.IssuerKey, s.World.Issuer.State, clock);
        string jws = issuer.IssueVerifiedHuman(s.Client.Key.Did, TimeSpan.FromDays(30)).Jws;
        s.World.Publish();
        return jws;
    }

    private sealed record Row(HandshakeFailureReason Expected, Action<Setup> Configure);

    private sealed class Setup : IDisposable
    {
        public Setup()
        {
            Client = World.NewParty();
            Server = World.NewParty();
            ServerStatus = World.StatusLists;
            ServerTrusted = [World.Issuer.Did];
        }

        public HandshakeWorld World { get; } = new();

        public HandshakeParty Client { get; }

        public HandshakeParty Server { get; }

        public IStatusListProvider ServerStatus { get; set; }

        public IReadOnlyCollection<string> ServerTrusted { get; set; }

        public TimeSpan ServerTimeout { get; set; } = TimeSpan.FromSeconds(20);

        public Func<int, byte[], byte[]?>? ClientFilter { get; set; }

        public bool ReplayEarlierMessage3 { get; set; }

        public IdentityKeyPair OtherSignalKey { get; } = IdentityKeyPair.Generate();

        public void Dispose()
        {
            OtherSignalKey.Dispose();
            World.Dispose();
        }
    }
}
