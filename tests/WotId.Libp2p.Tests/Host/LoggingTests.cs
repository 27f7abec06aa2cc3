// Logging of the host: with a capturing logger at Trace level, a full connection (Noise, Yamux, identify, ping, a
// failing handler, a refused protocol, close) logs what happened, and no key material appears in any entry.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WotId.Core.Encoding;
using WotId.Libp2p.Host;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Yamux;
using WotId.Testing.Libp2p;

namespace WotId.Libp2p.Tests.Host;

public sealed class LoggingTests
{
    private const string Broken = "/wotid/test-broken/1.0.0";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AFullConnectionAtTraceLevelLogsNoKeyMaterial()
    {
        using var logs = new CapturingLoggerProvider();
        byte[] serverSeed = RandomNumberGenerator.GetBytes(32);
        byte[] clientSeed = RandomNumberGenerator.GetBytes(32);
        using PeerIdentity serverId = PeerIdentity.FromSeed(serverSeed);
        using PeerIdentity clientId = PeerIdentity.FromSeed(clientSeed);
        var secrets = new List<byte[]> { serverSeed, clientSeed };
        await using (Libp2pHost server = new(new Libp2pHostOptions(serverId) { ListenAddresses = [HostFixture.Tcp, HostFixture.Ws], LoggerFactory = logs }))
        await using (Libp2pHost client = new(new Libp2pHostOptions(clientId) { LoggerFactory = logs }))
        {
            server.SetHandler(HostFixture.EchoProtocol, HostFixture.EchoAsync);
            server.SetHandler(Broken, async (stream, ct) =>
            {
                // Wait for the dialer's half-close, so the reset cannot overtake the end of negotiation.
                int n = await stream.ReadAsync(new byte[1], ct);
                throw new InvalidOperationException("handler bug after reading " + n);
            });
            await server.StartAsync();
            await client.StartAsync();
            using var cts = new CancellationTokenSource(s_timeout);

            foreach (bool ws in new[] { false, true })
            {
                Libp2pConnection c = await client.DialAsync(HostFixture.AddressOf(server, ws), cts.Token);
                await c.Identified.WaitAsync(cts.Token);
                secrets.Add(c.ChannelBinding.ToArray());
                Assert.Single(await client.PingAsync(server.PeerId, 1, cts.Token));
                await Assert.ThrowsAsync<HostException>(() => c.OpenStreamAsync("/wotid/not-served/1.0.0", cts.Token));
                Libp2pStream broken = await c.OpenStreamAsync(Broken, cts.Token);
                broken.CompleteWrites();
                await Assert.ThrowsAsync<YamuxException>(async () =>
                {
                    int n = await broken.ReadAsync(new byte[1], cts.Token);
                    Assert.Fail("the failing handler's stream was not reset; read " + n);
                });
                await broken.DisposeAsync();
                await c.CloseAsync("test done");
                await c.Completion.WaitAsync(cts.Token);
            }

            await HostFixture.NextEventAsync(server, e => e.Kind == HostEventKind.ConnectionClosed, cts.Token);
        }

        IReadOnlyCollection<CapturedLogEntry> entries = logs.Entries;
        Assert.Contains(entries, e => e.EventId.Name == "ConnectionOpened");
        Assert.Contains(entries, e => e.EventId.Name == "ConnectionClosed" && e.Message.Contains("test done", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.EventId.Name == "ProtocolUnsupported" && e.Level == LogLevel.Trace);
        Assert.Contains(entries, e => e.EventId.Name == "HandlerFailed" && e.Level == LogLevel.Error);
        foreach (byte[] secret in secrets)
        {
            foreach (string form in Forms(secret))
            {
                Assert.DoesNotContain(entries, e => e.AllText.Contains(form, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    /// <summary>The usual text forms of a secret (the private key seeds; the channel binding, which is not secret but not logged either).</summary>
    private static IEnumerable<string> Forms(byte[] secret)
    {
        yield return Convert.ToHexString(secret);
        yield return Convert.ToBase64String(secret);
        yield return Base58.Encode(secret);
        yield return string.Join(", ", secret);
    }
}
