// The server side of AutoNAT v2 (libp2p/specs autonat/autonat-v2.md, "AutoNAT V2 Protocol", "Requirements for
// ResponseStatus", "Amplification Attack Prevention"): pick the first address we are willing to dial, demand
// 30 000-100 000 bytes of dial data when its IP is not the requester's observed IP, dial it on a fresh connection
// (never a relayed one, never reusing the requester's connection), deliver the nonce on /libp2p/autonat/2/dial-back,
// and report the outcome. Requests over relayed connections and over the rate or concurrency limits are rejected.
using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Protocols.AutoNat;

internal sealed class AutoNatServer
{
    private readonly Libp2pHost _host;
    private readonly AutoNatServiceOptions _options;
    private readonly AutoNatRateLimiter _limiter;
    private int _dialBacks;
    private readonly Func<Multiaddress, bool> _canDial;

    public AutoNatServer(Libp2pHost host, AutoNatServiceOptions options, Func<Multiaddress, bool> canDial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRequestsPerMinute, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRequestsPerPeerPerMinute, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentDialBacks, 1);
        _host = host;
        _options = options;
        _canDial = canDial;
        _limiter = new AutoNatRateLimiter(options, host.Options.TimeProvider);
    }

    /// <summary>Dial backs in progress (for tests and diagnostics).</summary>
    public int DialBacksInProgress => Volatile.Read(ref _dialBacks);

    public async Task HandleAsync(Libp2pStream stream, CancellationToken cancellationToken)
    {
        using var timeout = new TimeoutScope(_host.Options.TimeProvider, _options.RequestTimeout, cancellationToken);
        CancellationToken token = timeout.Token;
        AutoNatMessage request = await AutoNatProtocol.ReadAsync(stream, token).ConfigureAwait(false);
        if (request.Kind != AutoNatMessageKind.DialRequest)
        {
            throw new AutoNatFormatException(AutoNatError.UnexpectedMessage, "expected a DialRequest, got " + request);
        }

        Libp2pConnection connection = stream.Connection;
        string? refusal = "relayed connection";
        if (connection.IsRelayed || !_limiter.TryAdmit(stream.RemotePeer, out refusal))
        {
            Log.AutoNatRejected(_host.Logger, stream.RemotePeer, refusal ?? "limit");
            await RespondAsync(stream, AutoNatResponseStatus.RequestRejected, 0, AutoNatDialStatus.Unused, token).ConfigureAwait(false);
            return;
        }

        int index = request.Addresses.ToList().FindIndex(a => a is not null && WillDial(a));
        if (index < 0)
        {
            Log.AutoNatRejected(_host.Logger, stream.RemotePeer, "no address we would dial");
            await RespondAsync(stream, AutoNatResponseStatus.DialRefused, 0, AutoNatDialStatus.Unused, token).ConfigureAwait(false);
            return;
        }

        if (Interlocked.Increment(ref _dialBacks) > _options.MaxConcurrentDialBacks)
        {
            Interlocked.Decrement(ref _dialBacks);
            Log.AutoNatRejected(_host.Logger, stream.RemotePeer, "dial-back concurrency limit");
            await RespondAsync(stream, AutoNatResponseStatus.RequestRejected, 0, AutoNatDialStatus.Unused, token).ConfigureAwait(false);
            return;
        }

        try
        {
            Multiaddress target = request.Addresses[index]!;
            IPAddress? observed = AddressClass.IpOf(connection.RemoteAddress);
            if (!AddressClass.IpOf(target)!.Equals(observed))
            {
                if (!_limiter.TryAdmitDialData())
                {
                    Log.AutoNatRejected(_host.Logger, stream.RemotePeer, "dial-data request limit");
                    await RespondAsync(stream, AutoNatResponseStatus.RequestRejected, 0, AutoNatDialStatus.Unused, token).ConfigureAwait(false);
                    return;
                }

                await ReceiveDialDataAsync(stream, (uint)index, token).ConfigureAwait(false);
            }

            AutoNatDialStatus status = await DialBackAsync(target, request.Nonce, token).ConfigureAwait(false);
            Log.AutoNatServed(_host.Logger, stream.RemotePeer, target, status);
            await RespondAsync(stream, AutoNatResponseStatus.Ok, (uint)index, status, token).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _dialBacks);
        }
    }

    private bool WillDial(Multiaddress a)
    {
        IPAddress? ip = AddressClass.IpOf(a);
        return ip is not null && !a.Contains(MultiaddrCodes.P2pCircuit) && (_options.AllowPrivateAddresses || AddressClass.IsPublic(ip))
            && _canDial(a);
    }

    private static async Task ReceiveDialDataAsync(Libp2pStream stream, uint index, CancellationToken token)
    {
        int wanted = RandomNumberGenerator.GetInt32(AutoNatProtocol.MinDialData, AutoNatProtocol.MaxDialData + 1);
        await AutoNatProtocol.WriteAsync(stream, AutoNatMessage.DialDataRequest(index, (ulong)wanted), token).ConfigureAwait(false);
        int received = 0;
        while (received < wanted)
        {
            AutoNatMessage m = await AutoNatProtocol.ReadAsync(stream, token).ConfigureAwait(false);
            if (m.Kind != AutoNatMessageKind.DialDataResponse)
            {
                throw new AutoNatFormatException(AutoNatError.UnexpectedMessage, "expected DialDataResponse, got " + m);
            }

            received += m.DataLength;
        }
    }

    /// <summary>Dials <paramref name="target"/> on a new connection and delivers the nonce there.</summary>
    private async Task<AutoNatDialStatus> DialBackAsync(Multiaddress target, ulong nonce, CancellationToken cancellationToken)
    {
        using var timeout = new TimeoutScope(_host.Options.TimeProvider, _options.DialBackTimeout, cancellationToken);
        Multiaddress bare = target.DecapsulateCode(MultiaddrCodes.P2p);
        Libp2pConnection connection;
        try
        {
            // Without /p2p the host never reuses a connection: the dial back is always a fresh one.
            connection = await _host.DialAsync(bare, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HostException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Log.AutoNatDialFailed(_host.Logger, bare, ex);
            return AutoNatDialStatus.DialError;
        }

        try
        {
            await using Libp2pStream s = await connection.OpenStreamAsync(AutoNatProtocol.DialBackProtocolId, timeout.Token).ConfigureAwait(false);
            await LengthPrefixed.WriteAsync(s, AutoNatProtocol.EncodeDialBack(nonce), timeout.Token).ConfigureAwait(false);
            byte[] answer = await AutoNatProtocol.ReadFrameAsync(s, timeout.Token).ConfigureAwait(false);
            return AutoNatProtocol.DecodeDialBackResponse(answer) ? AutoNatDialStatus.Ok : AutoNatDialStatus.DialBackError;
        }
        catch (Exception ex) when (ex is HostException or IOException or FormatException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Log.AutoNatDialFailed(_host.Logger, bare, ex);
            return AutoNatDialStatus.DialBackError;
        }
        finally
        {
            await connection.CloseAsync("autonat dial back done").ConfigureAwait(false);
        }
    }

    private static ValueTask RespondAsync(Stream stream, AutoNatResponseStatus status, uint index, AutoNatDialStatus dial, CancellationToken token) =>
        AutoNatProtocol.WriteAsync(stream, AutoNatMessage.DialResponse(status, index, dial), token);
}
