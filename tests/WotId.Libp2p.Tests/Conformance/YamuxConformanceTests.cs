// The stream conformance suite over Yamux streams: once on sessions over plain loopback TCP, once over Noise over
// TCP (the production stack below the muxer).
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Noise;
using WotId.Libp2p.Tests.Transports;
using WotId.Libp2p.Tests.Yamux;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Tests.Conformance;

public sealed class YamuxOverTcpConformanceTests : YamuxConformanceBase
{
    private protected override async Task<(YamuxSession Client, YamuxSession Server)> CreateSessionsAsync(CancellationToken cancellationToken) =>
        await LoopbackPair.SessionsAsync();
}

public sealed class YamuxOverNoiseConformanceTests : YamuxConformanceBase
{
    private protected override async Task<(YamuxSession Client, YamuxSession Server)> CreateSessionsAsync(CancellationToken cancellationToken)
    {
        (NoiseSecuredStream i, NoiseSecuredStream r) = await ConnectedPairs.NoiseOverTcpAsync(cancellationToken);
        var client = new YamuxSession(i, isClient: true);
        var server = new YamuxSession(r, isClient: false);
        client.Start();
        server.Start();
        return (client, server);
    }
}

public abstract class YamuxConformanceBase : ConnectedStreamConformance, IAsyncDisposable
{
    private readonly List<YamuxSession> _sessions = new();

    private protected abstract Task<(YamuxSession Client, YamuxSession Server)> CreateSessionsAsync(CancellationToken cancellationToken);

    protected override async Task<(Stream A, Stream B)> CreatePairAsync(CancellationToken cancellationToken)
    {
        (YamuxSession client, YamuxSession server) = await CreateSessionsAsync(cancellationToken);
        _sessions.Add(client);
        _sessions.Add(server);
        YamuxStream a = await client.OpenStreamAsync(cancellationToken);
        YamuxStream b = await server.AcceptStreamAsync(cancellationToken);
        return (a, b);
    }

    protected override ValueTask CompleteWritesAsync(Stream stream)
    {
        ((YamuxStream)stream).CompleteWrites();
        return ValueTask.CompletedTask;
    }

    protected override void Abort(Stream stream) => ((YamuxStream)stream).Abort();

    public async ValueTask DisposeAsync()
    {
        foreach (YamuxSession s in _sessions)
        {
            await s.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
