// The connection gate of the node (docs/node.md "Handshake"): on every connection, after identify, the VerifiedHuman
// handshake /wotid/handshake/1.0.0 runs on one stream (the dialler is the initiator); until it succeeds only identify,
// ping and the handshake are served (IConnectionGate, see src/WotId.Libp2p/README.md "Connection lifecycle"). Success
// opens the gate; failure closes the connection with "gate: handshake: <reason token>". At most
// HandshakePolicy.MaxConcurrentUnverified connections run the handshake at once; more are closed at once.
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WotId.Libp2p.Host;

namespace WotId.Node.Handshake;

/// <summary>Runs the handshake on each connection and opens or closes its gate. Call <see cref="Attach"/> before starting the host.</summary>
public sealed class HandshakeGate : IConnectionGate, IDisposable
{
    /// <summary>The handshake's protocol id.</summary>
    public const string ProtocolId = "/wotid/handshake/1.0.0";

    /// <summary>Handshake events kept for a slow reader; older ones are dropped.</summary>
    public const int EventCapacity = 256;

    private readonly HandshakeServices _s;
    private readonly SemaphoreSlim _slots;
    // Weak: an entry dies with its connection even when the host never asks the gate about it (closed before identify).
    private readonly ConditionalWeakTable<Libp2pConnection, PendingInbound> _inbound = new();
    private readonly Channel<HandshakeEvent> _events;
    private readonly ILogger _logger;
    private string? _localPeer;

    /// <summary>Creates the gate.</summary>
    public HandshakeGate(HandshakeIdentity identity, HandshakePolicy policy, ILoggerFactory? loggerFactory = null)
    {
        _s = new HandshakeServices(identity, policy);
        _slots = new SemaphoreSlim(policy.MaxConcurrentUnverified, policy.MaxConcurrentUnverified);
        _events = Channel.CreateBounded<HandshakeEvent>(new BoundedChannelOptions(EventCapacity) { FullMode = BoundedChannelFullMode.DropOldest });
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("WotId.Node.Handshake");
        _s.Logger = _logger;
    }

    private volatile string[] _preVerification = [ProtocolId];

    /// <inheritdoc />
    public IReadOnlyCollection<string> PreVerificationProtocols => _preVerification;

    /// <summary>
    /// Peers that are infrastructure rather than people (our relays and mailbox hosts that are not contacts): a
    /// connection we dial to one runs no handshake and stays held (only the pre-verification protocols are served on
    /// it), instead of being closed for lack of a VerifiedHuman credential. Null: none.
    /// </summary>
    internal Func<WotId.Libp2p.Peer.PeerId, bool>? IsInfrastructure { get; set; }

    /// <summary>
    /// True on a node that serves others as infrastructure (a relay): an inbound connection whose peer does not start
    /// the handshake is held instead of closed (relay clients keep their reservation connection); one that runs the
    /// handshake still opens the gate on success and is closed on failure.
    /// </summary>
    internal bool HoldUnverifiedInbound { get; set; }

    /// <summary>
    /// The DID a peer is expected to have (the contact with that peer id), so that the handshake messages for it are
    /// signed before they are due (<see cref="HandshakeChecks.EncodeAhead"/>). Only a hint: each message is still sent
    /// only after the peer's message before it verified, and only when that message came from this DID. Null: none.
    /// </summary>
    internal Func<WotId.Libp2p.Peer.PeerId, string?>? ExpectedDid { get; set; }

    /// <summary>Connections whose handshake is running now.</summary>
    public int UnverifiedConnections => _s.Policy.MaxConcurrentUnverified - _slots.CurrentCount;

    internal HandshakeServices Services => _s;

    /// <summary>Serves the handshake protocol on <paramref name="host"/> (whose options must name this gate).</summary>
    public void Attach(Libp2pHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        _localPeer = host.PeerId.ToString();
        host.SetHandler(ProtocolId, HandleInboundAsync);
    }

    /// <summary>
    /// Also serves <paramref name="protocolId"/> before the handshake: for services open to anyone, such as the mailbox
    /// host (whose requests carry their own signatures). Call before the host starts.
    /// </summary>
    public void AllowBeforeVerification(string protocolId)
    {
        ArgumentException.ThrowIfNullOrEmpty(protocolId);
        if (Array.IndexOf(_preVerification, protocolId) < 0)
        {
            _preVerification = [.. _preVerification, protocolId];
        }
    }

    /// <summary>Every finished handshake, verified or failed (bounded: the oldest events are dropped for a slow reader).</summary>
    public IAsyncEnumerable<HandshakeEvent> ReadEventsAsync(CancellationToken cancellationToken = default) =>
        _events.Reader.ReadAllAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask<ConnectionGateDecision> OnIdentifiedAsync(Libp2pConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        string local = _localPeer ?? throw new InvalidOperationException("HandshakeGate.Attach(host) was not called");
        if ((connection.IsInitiator && IsInfrastructure?.Invoke(connection.RemotePeer) == true) || (!connection.IsInitiator && HoldUnverifiedInbound))
        {
            Log.Held(_logger, connection.RemotePeer, connection.IsInitiator);
            return ConnectionGateDecision.Hold;
        }

        if (!await _slots.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            Log.OverLimit(_logger, connection.RemotePeer, _s.Policy.MaxConcurrentUnverified);
            return ConnectionGateDecision.Reject("handshake: too many unverified connections");
        }

        try
        {
            if (connection.IsInitiator)
            {
                try
                {
                    Report(connection, await RunOutboundAsync(connection, local, cancellationToken).ConfigureAwait(false), null);
                }
                catch (HandshakeException ex)
                {
                    Report(connection, null, ex);
                    throw;
                }
            }
            else
            {
                // The handler reports inbound handshakes itself: a quickly failing peer may close the connection
                // before this host's identify ends, and then the host never calls the gate.
                await WaitInboundAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return ConnectionGateDecision.Open;
        }
        catch (HandshakeException ex)
        {
            return ConnectionGateDecision.Reject(CloseReason(ex));
        }
        finally
        {
            _slots.Release();
            _inbound.Remove(connection);
        }
    }

    /// <summary>Completes the event stream.</summary>
    public void Dispose()
    {
        _events.Writer.TryComplete();
        _slots.Dispose();
    }

    private async Task<HandshakeOutcome> RunOutboundAsync(Libp2pConnection connection, string local, CancellationToken cancellationToken)
    {
        Libp2pStream stream;
        try
        {
            stream = await connection.OpenStreamAsync(ProtocolId, cancellationToken).ConfigureAwait(false);
        }
        catch (HostException ex) when (ex.Error == HostError.ProtocolNotSupported)
        {
            throw new HandshakeException(HandshakeFailureReason.VersionNotSupported, false, $"the peer does not serve {ProtocolId}", ex);
        }
        catch (IOException ex)
        {
            throw new HandshakeException(HandshakeFailureReason.MalformedMessage, false, "the handshake stream could not be opened", ex);
        }

        await using (stream.ConfigureAwait(false))
        {
            Log.Step(_logger, "stream opened", true);
            var handshake = new HandshakeInitiator(
                _s,
                local,
                connection.RemotePeer,
                connection.ChannelBinding.Span,
                () => HandshakeChecks.PresentAhead(_s, local, connection.RemotePeer.ToString(), connection.ChannelBinding),
                ExpectedDid?.Invoke(connection.RemotePeer));
            try
            {
                return await HandshakeProtocol.RunInitiatorAsync(_s, stream, handshake, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await handshake.Ahead.ConfigureAwait(false);
            }
        }
    }

    private async Task<HandshakeOutcome> WaitInboundAsync(Libp2pConnection connection, CancellationToken cancellationToken)
    {
        PendingInbound pending = _inbound.GetValue(connection, static _ => new PendingInbound());
        try
        {
            // The responder's own run is bounded by the timeout once it starts; this bound covers a peer that never
            // opens the handshake stream.
            return await pending.Result.Task.WaitAsync(2 * _s.Policy.Timeout, _s.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var failure = new HandshakeException(HandshakeFailureReason.Timeout, false, "the peer did not start the handshake");
            Report(connection, null, failure);
            throw failure;
        }
    }

    private async Task HandleInboundAsync(Libp2pStream stream, CancellationToken cancellationToken)
    {
        Libp2pConnection connection = stream.Connection;
        string? local = _localPeer;
        PendingInbound pending = _inbound.GetValue(connection, static _ => new PendingInbound());
        if (local is null || connection.IsGateOpen || Interlocked.Exchange(ref pending.Claimed, 1) != 0)
        {
            Log.DuplicateStream(_logger, connection.RemotePeer);
            stream.Abort();
            return;
        }

        Task<string> presentation = HandshakeChecks.PresentAhead(_s, local, connection.RemotePeer.ToString(), connection.ChannelBinding);
        var handshake = new HandshakeResponder(_s, local, connection.RemotePeer, connection.ChannelBinding.Span, presentation, ExpectedDid?.Invoke(connection.RemotePeer));
        try
        {
            HandshakeOutcome outcome = await HandshakeProtocol.RunResponderAsync(_s, stream, handshake, connection.OpenGate, cancellationToken).ConfigureAwait(false);
            Report(connection, outcome, null);
            pending.Result.TrySetResult(outcome);
        }
        catch (HandshakeException ex)
        {
            Report(connection, null, ex);
            pending.Result.TrySetException(ex);
            await connection.CloseAsync(CloseReason(ex)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            pending.Result.TrySetCanceled(cancellationToken);
            throw;
        }
        finally
        {
            await HandshakeChecks.SettleAsync(presentation, handshake.Ahead).ConfigureAwait(false);
            if (connection.IsClosed)
            {
                _inbound.Remove(connection);
            }
        }
    }

    private static string CloseReason(HandshakeException failure) => "handshake: " + HandshakeReasons.ToToken(failure.Reason);

    private void Report(Libp2pConnection connection, HandshakeOutcome? outcome, HandshakeException? failure)
    {
        if (failure is null)
        {
            Log.Verified(_logger, connection.RemotePeer, connection.IsInitiator);
        }
        else
        {
            Log.Failed(_logger, connection.RemotePeer, failure.Reason, failure.ReportedByPeer, failure.Detail);
        }

        _events.Writer.TryWrite(new HandshakeEvent(connection.RemotePeer, connection.IsInitiator, outcome, failure));
    }

    private sealed class PendingInbound
    {
        public int Claimed;

        public TaskCompletionSource<HandshakeOutcome> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
