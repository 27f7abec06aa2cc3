// The in-process node (docs/node.md "Node facade"): owns the profile's network identity, the libp2p host with the
// handshake gate, /wotid/msg/1.0.0, the outbox and the mailbox loops. This file: start, the owned background tasks
// and shutdown. The other parts: WotIdNode.Handshakes.cs (verified and failed peers), WotIdNode.Contacts.cs,
// WotIdNode.Messages.cs (the facade's message calls), WotIdNode.Status.cs, and the helper types of this folder.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WotId.Identity.Status;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Transports;
using WotId.Node.Api;
using WotId.Node.Handshake;
using WotId.Node.Handshake.Status;
using WotId.Node.Messaging;
using WotId.Node.Profile;

namespace WotId.Node.Runtime;

/// <summary>A running node for one profile (in-process implementation of <see cref="IWotIdNode"/>).</summary>
public sealed partial class WotIdNode : IWotIdNode
{
    private readonly Profile.Profile _profile;
    private readonly NodeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly NodeLock _nodeLock;
    private readonly HttpClient? _http;
    private readonly HandshakeGate _gate;
    private readonly HandshakeIdentity _identity;
    private readonly Libp2pHost _host;
    private readonly NodeEventHub _events;
    private readonly MessageSealer _sealer;
    private readonly WotId.Identity.Dids.DidResolver _dids;
    private readonly SemaphoreSlim _crypto = new(1, 1);
    private readonly PeerLinks _links;
    private readonly MailboxPool _mailboxes;
    private readonly IotaMailboxes.IotaMailboxPool _iota;
    private readonly WakeSignal _outboxWake = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly FileTasks _fileTasks = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _progressAt = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _filesAwaitingReceipt = new(StringComparer.Ordinal);
    private int _disposed;

    private WotIdNode(Profile.Profile profile, NodeOptions options, NodeLock nodeLock, HttpClient? http, IStatusListProvider statusLists)
    {
        _profile = profile;
        _options = options;
        _time = options.Time ?? TimeProvider.System;
        ILoggerFactory loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        _logger = loggers.CreateLogger("WotId.Node.Runtime");
        _nodeLock = nodeLock;
        _http = http;
        _events = new NodeEventHub(_time);
        string credential = profile.Credential ?? throw new NodeException(NodeError.NoCredential, "the profile has no VerifiedHuman credential (wotid credential import)");
        var identity = _identity = new HandshakeIdentity(profile.SigningKey, profile.Did, credential, profile.SignalIdentityKey, ResponderBundle);
        WotId.Identity.Dids.DidResolver dids = _dids = IssuerResolver(options.IotaRpc ?? profile.IotaMailbox?.Rpc, profile.GetIssuerDocuments(), _time);
        var policy = new HandshakePolicy(new LiveTrustList(profile.GetTrustedIssuers), statusLists)
        {
            TimeProvider = _time,
            Timeout = options.HandshakeTimeout,
            DidResolver = dids,
        };
        _gate = new HandshakeGate(identity, policy, loggers);
        IReadOnlyList<string> listen = options.ListenAddresses ?? profile.ListenAddresses;
        bool punch = options.HolePunching || SeeksRelays(options);
        _host = new Libp2pHost(new Libp2pHostOptions(profile.PeerIdentity)
        {
            ListenAddresses = listen.Select(Multiaddress.Parse).ToList(),
            Transports = [new TcpTransport { ReusePort = punch }],
            ConnectionGate = _gate,
            TimeProvider = _time,
            LoggerFactory = loggers,
            RelayService = options.RelayService ? new WotId.Libp2p.Protocols.Relay.RelayServiceOptions() : null,
            AcceptRelayedConnections = options.RelayAddresses.Count > 0 || SeeksRelays(options),
            HolePunching = punch,
        });
        _gate.Attach(_host);
        // HandshakeGate.ExpectedDid (sign handshake messages ahead for the contact with the peer's id) is not set: it
        // measured slower in the session setup benchmark, where both nodes share two cores (docs/benchmarks-node.md).
        ConfigureReachability();
        _host.SetHandler(MessageProtocol.ProtocolId, HandleMessageStreamAsync);
        _host.SetHandler(Files.FileProtocol.ProtocolId, HandleFileStreamAsync);
        _sealer = new MessageSealer(profile, _time, dids);
        _links = new PeerLinks(_host, _time, _logger);
        _mailboxes = new MailboxPool(profile, _time);
        _iota = new IotaMailboxes.IotaMailboxPool(profile, _time, loggers);
        StartMailboxHost();
    }

    /// <summary>
    /// Takes the profile's node lock, listens, and starts the outbox and mailbox loops. On success the node owns
    /// <paramref name="profile"/> (disposing the node disposes it); on failure the caller still does.
    /// </summary>
    /// <exception cref="NodeException"><see cref="NodeError.AlreadyRunning"/> or <see cref="NodeError.NoCredential"/>.</exception>
    public static async Task<WotIdNode> StartAsync(Profile.Profile profile, NodeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        options ??= new NodeOptions();
        NodeLock nodeLock;
        try
        {
            nodeLock = NodeLock.Acquire(profile.Home);
        }
        catch (ProfileException e) when (e.Error == ProfileError.Locked)
        {
            throw new NodeException(NodeError.AlreadyRunning, "another node is running on this profile", e);
        }

        HttpClient? http = null;
        WotIdNode? node = null;
        try
        {
            IStatusListProvider statusLists = options.StatusLists ?? new HttpStatusListProvider(
                http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) },
                new HttpStatusListProviderOptions { TimeProvider = options.Time ?? TimeProvider.System });
            node = new WotIdNode(profile, options, nodeLock, http, statusLists);
            await node.StartCoreAsync(cancellationToken).ConfigureAwait(false);
            return node;
        }
        catch
        {
            if (node is not null)
            {
                await node.StopCoreAsync(disposeProfile: false).ConfigureAwait(false);
            }
            else
            {
                http?.Dispose();
                nodeLock.Dispose();
            }

            throw;
        }
    }

    /// <summary>Stops the loops and the host, closes the mailboxes, releases the lock and disposes the profile.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await FlushOnStopAsync().ConfigureAwait(false);
            await StopCoreAsync(disposeProfile: true).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<NodeEvent> ReadEventsAsync(CancellationToken cancellationToken = default) => _events.Subscribe(cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"WotIdNode({_profile.Name}, {_host.PeerId})";

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        await _profile.PreKeys.ReplenishAsync(cancellationToken).ConfigureAwait(false);
        _loops.Add(PumpHandshakeEventsAsync(_stop.Token));
        _loops.Add(PumpHostEventsAsync(_stop.Token));
        await _host.StartAsync(cancellationToken).ConfigureAwait(false);
        string addresses = string.Join(' ', _host.AdvertisedAddresses);
        Log.Started(_logger, _host.PeerId, addresses);
        _events.Publish(NodeEventKinds.Started, peerId: _host.PeerId.ToString(), reason: addresses);
        await RecoverFileTransfersAsync(cancellationToken).ConfigureAwait(false);
        _loops.Add(RunOutboxLoopAsync(_stop.Token));
        _loops.Add(RunMailboxLoopAsync(_stop.Token));
        StartRelays();
        StartReachability();
        await StartDiscoveryAsync(cancellationToken).ConfigureAwait(false);
        await StartMdnsAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task StopCoreAsync(bool disposeProfile)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _fileTasks.DisposeAsync().ConfigureAwait(false);
        await _links.DisposeAsync().ConfigureAwait(false);
        await StopMdnsAsync().ConfigureAwait(false);
        await StopDiscoveryAsync().ConfigureAwait(false);
        await _host.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
        await Task.WhenAll(_loops).ConfigureAwait(false);
        _events.Complete();
        _mailboxes.Dispose();
        _iota.Dispose();
        _mailboxHost?.Dispose();
        _http?.Dispose();
        _nodeLock.Dispose();
        Log.Stopped(_logger, _host.PeerId);
        if (disposeProfile)
        {
            _profile.Dispose();
        }
    }

    /// <summary>The bundle sent as handshake responder (HandshakeIdentity asks synchronously; the store is SQLite).</summary>
    private WotId.Signal.Keys.PreKeyBundle ResponderBundle() =>
        _profile.PreKeys.CreateBundleAsync(CancellationToken.None).GetAwaiter().GetResult();

    // did:key always; issuers whose DID document the profile keeps (wotid trust add --did-document, read at start);
    // did:iota issuers and peers through the IOTA node of --iota-rpc or of the profile's IOTA mailbox.
    private static WotId.Identity.Dids.DidResolver IssuerResolver(Uri? iotaRpc, IReadOnlyDictionary<string, string> documents, TimeProvider time)
    {
        var resolver = new WotId.Identity.Dids.DidResolver();
        foreach ((string did, string json) in documents)
        {
            try
            {
                WotId.Identity.Dids.DidDocument document = WotId.Identity.Dids.Iota.IotaDidDocumentJson.Parse(json);
                if (document.Id == did)
                {
                    resolver.Add(document);
                }
            }
            catch (WotId.Identity.IdentityFormatException)
            {
                // An edited row: the issuer then resolves as without a stored document.
            }
        }

        if (iotaRpc is not null)
        {
            resolver.Register("iota", IotaDids.IotaRpcObjectReader.CreateResolver(iotaRpc, time: time));
        }

        return resolver;
    }
}
