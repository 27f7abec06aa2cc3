// The sans-I/O core of one DHT node (libp2p/specs kad-dht/README.md): routing table, record and provider stores,
// the answer to every request type ("RPC messages"), and the lookups, which reach other nodes only through
// IKadNetwork. KadDht binds it to a Libp2pHost; the simulation binds many of them to each other directly.
using System;
using System.Collections.Generic;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Kademlia;

/// <summary>One DHT node's state and request handling.</summary>
internal sealed partial class KadNode
{
    private readonly KadDhtOptions _options;
    private readonly IKadNetwork _network;
    private readonly KadValidators _validators;

    public KadNode(PeerId self, KadDhtOptions options, IKadNetwork network)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Alpha, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BucketSize, 1);
        _options = options;
        _network = network ?? throw new ArgumentNullException(nameof(network));
        _validators = new KadValidators(options.Validators);
        Self = self;
        Table = new RoutingTable(self, options.BucketSize);
        Records = new RecordStore(_validators, options.TimeProvider, options.MaxRecords, options.MaxRecordAge);
        Providers = new ProviderStore(options.TimeProvider, options.MaxProviderKeys, options.MaxProvidersPerKey, options.ProviderValidity);
    }

    public PeerId Self { get; }

    public RoutingTable Table { get; }

    public RecordStore Records { get; }

    public ProviderStore Providers { get; }

    /// <summary>Our own addresses, put in provider records (set by the host binding).</summary>
    public Func<IReadOnlyList<Multiaddress>> SelfAddresses { get; set; } = static () => [];

    /// <summary>
    /// Answers one request from <paramref name="from"/>; null when the type has no response (ADD_PROVIDER).
    /// </summary>
    /// <exception cref="KadException">A request that cannot be served (bad record, missing key, store full).</exception>
    public KadMessage? Handle(PeerId from, KadMessage request)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Type)
        {
            case KadMessageType.FindNode:
                return WithCloser(new KadMessage(KadMessageType.FindNode, request.Key), request.Key, from);
            case KadMessageType.GetValue:
            {
                var response = new KadMessage(KadMessageType.GetValue, request.Key) { Record = Records.Get(request.Key) };
                return WithCloser(response, request.Key, from);
            }

            case KadMessageType.PutValue:
            {
                if (request.Record is null || !request.Record.Key.AsSpan().SequenceEqual(request.Key))
                {
                    throw new KadException(KadError.InvalidField, "PUT_VALUE needs a record whose key is the message key");
                }

                Records.Put(request.Record);
                // The spec answers a PUT_VALUE by echoing the request.
                return request;
            }

            case KadMessageType.AddProvider:
                foreach (KadPeer p in request.ProviderPeers)
                {
                    // Only the sender may announce itself, and only with addresses (as js and go do).
                    if (p.TryGetPeerId() is { } id && id == from && p.ParsedAddresses() is { Count: > 0 } addrs)
                    {
                        Providers.Add(request.Key, id, addrs);
                    }
                }

                return null;
            case KadMessageType.GetProviders:
            {
                var response = new KadMessage(KadMessageType.GetProviders, request.Key);
                foreach (KadContact c in Providers.Get(request.Key))
                {
                    response.ProviderPeers.Add(c.ToWire());
                }

                return WithCloser(response, request.Key, from);
            }

            case KadMessageType.Ping:
                return new KadMessage(KadMessageType.Ping);
            default:
                throw new KadException(KadError.InvalidField, "unknown message type");
        }
    }

    private KadMessage WithCloser(KadMessage response, byte[] key, PeerId from)
    {
        foreach (KadContact c in Table.Closest(KadKey.FromData(key), _options.BucketSize, exclude: from))
        {
            response.CloserPeers.Add(c.ToWire());
        }

        return response;
    }
}
