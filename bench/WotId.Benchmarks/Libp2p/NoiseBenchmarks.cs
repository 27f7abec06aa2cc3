// libp2p Noise (Noise_XX_25519_ChaChaPoly_SHA256) costs: the sans-I/O XX handshake (crypto only), a full
// multistream + Noise handshake over loopback TCP, and one-direction throughput of NoiseSecuredStream over TCP.
// Throughput = TransferBytes / Mean.
using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using WotId.Crypto;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Multistream;
using WotId.Libp2p.Noise;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Transports;

namespace WotId.Benchmarks.Libp2p;

[Config(typeof(Libp2pBenchmarkConfig))]
public class NoiseBenchmarks
{
    /// <summary>Bytes sent per throughput operation (64 MiB).</summary>
    public const int TransferBytes = 64 << 20;

    private static readonly string[] s_noise = ["/noise"];
    private static readonly string[] s_yamux = ["/yamux/1.0.0"];

    private readonly byte[] _chunk = RandomBytes.Get(256 << 10);
    private readonly byte[] _sink = new byte[256 << 10];
    private readonly byte[] _m = new byte[NoiseHandshakeState.MaxMessageLength];
    private readonly byte[] _p = new byte[NoiseHandshakeState.MaxMessageLength];
    private PeerIdentity _a = null!;
    private PeerIdentity _b = null!;
    private ITransportListener _listener = null!;
    private NoiseSecuredStream _sender = null!;
    private NoiseSecuredStream _receiver = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _a = PeerIdentity.Generate();
        _b = PeerIdentity.Generate();
        _listener = await new TcpTransport().ListenAsync(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0"), default);
        (_sender, _receiver) = await ConnectAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _sender.DisposeAsync();
        await _receiver.DisposeAsync();
        await _listener.DisposeAsync();
        _a.Dispose();
        _b.Dispose();
    }

    /// <summary>Three XX messages between two in-memory states (X25519 + ChaCha20-Poly1305 + SHA-256 only).</summary>
    [Benchmark]
    public void XxHandshakeSansIo()
    {
        using var si = X25519PrivateKey.Generate();
        using var sr = X25519PrivateKey.Generate();
        using var i = new NoiseHandshakeState(true, si, default);
        using var r = new NoiseHandshakeState(false, sr, default);
        r.ReadMessage(_m.AsSpan(0, i.WriteMessage(default, _m)), _p);
        i.ReadMessage(_m.AsSpan(0, r.WriteMessage(new byte[100], _m)), _p);
        r.ReadMessage(_m.AsSpan(0, i.WriteMessage(new byte[100], _m)), _p);
        i.Split().Dispose();
        r.Split().Dispose();
    }

    /// <summary>TCP connect + multistream-select /noise + libp2p Noise handshake (signatures, peer ids) both sides.</summary>
    [Benchmark]
    public async Task TcpMultistreamNoiseHandshake()
    {
        (NoiseSecuredStream i, NoiseSecuredStream r) = await ConnectAsync();
        await i.DisposeAsync();
        await r.DisposeAsync();
    }

    /// <summary>64 MiB one way through NoiseSecuredStream over loopback TCP (encrypt + decrypt + kernel).</summary>
    [Benchmark]
    public async Task Throughput64MiB()
    {
        Task send = SendAsync();
        int left = TransferBytes;
        while (left > 0)
        {
            left -= await _receiver.ReadAsync(_sink.AsMemory(0, Math.Min(_sink.Length, left)));
        }

        await send;
    }

    private async Task SendAsync()
    {
        for (int sent = 0; sent < TransferBytes; sent += _chunk.Length)
        {
            await _sender.WriteAsync(_chunk);
        }
    }

    private async Task<(NoiseSecuredStream, NoiseSecuredStream)> ConnectAsync()
    {
        Task<NoiseSecuredStream> accept = AcceptAsync();
        TransportConnection c = await new TcpTransport().DialAsync(_listener.LocalAddress, default);
        await MultistreamSelect.SelectAsync(c, s_noise, default);
        NoiseSecuredStream i = await NoiseSecuredStream.HandshakeAsync(c, _a, true, _b.PeerId, s_yamux, default);
        return (i, await accept);
    }

    private async Task<NoiseSecuredStream> AcceptAsync()
    {
        TransportConnection c = await _listener.AcceptAsync(default);
        await MultistreamSelect.HandleAsync(c, s_noise, default);
        return await NoiseSecuredStream.HandshakeAsync(c, _b, false, null, s_yamux, default);
    }
}
