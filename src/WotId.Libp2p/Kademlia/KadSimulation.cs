// An in-process Kademlia network for measurements (issue 12, "Simulation"): n KadNodes in server mode whose
// requests are direct calls to the other node's request handler, through the wire codec (every request and
// response is encoded and decoded). Nodes join one after another by bootstrapping from a random earlier node and
// looking up their own key, as real nodes do; then a fraction can be taken down, and lookups measured.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Kademlia;

/// <summary>A simulated DHT of many nodes. Not thread-safe across calls; lookups run one at a time.</summary>
internal sealed class KadSimulation
{
    private readonly Dictionary<PeerId, SimNode> _nodes = new();
    private readonly List<SimNode> _order = new();
    private readonly Random _random;
    private readonly KadDhtOptions _options;

    public KadSimulation(int seed, KadDhtOptions? options = null)
    {
        _random = new Random(seed);
        _options = options ?? new KadDhtOptions();
    }

    public int Count => _order.Count;

    public long MessagesHandled { get; private set; }

    public IReadOnlyList<PeerId> Peers => _order.Select(n => n.Node.Self).ToList();

    internal KadNode NodeOf(PeerId peer) => _nodes[peer].Node;

    /// <summary>Adds <paramref name="count"/> nodes, each joining through a random live earlier node.</summary>
    public async Task JoinAsync(int count, CancellationToken cancellationToken)
    {
        for (int i = 0; i < count; i++)
        {
            var key = new byte[32];
            _random.NextBytes(key);
            var id = PeerId.FromPublicKey(PeerPublicKey.FromEd25519(key));
            var sim = new SimNode(this, id);
            List<SimNode> live = _order.Where(n => n.Up).ToList();
            _nodes[id] = sim;
            _order.Add(sim);
            if (live.Count == 0)
            {
                continue;
            }

            SimNode seed = live[_random.Next(live.Count)];
            sim.Node.Table.TryAdd(seed.Node.Self, []);
            await sim.Node.RefreshAsync(0, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes <paramref name="fraction"/> of the nodes down (they fail every request sent to them).</summary>
    public IReadOnlyList<PeerId> FailRandom(double fraction)
    {
        var down = new List<PeerId>();
        foreach (SimNode n in _order.OrderBy(_ => _random.Next()).Take((int)(fraction * _order.Count)))
        {
            n.Up = false;
            down.Add(n.Node.Self);
        }

        return down;
    }

    public bool IsUp(PeerId peer) => _nodes[peer].Up;

    /// <summary>A random live node looks up a random other live node.</summary>
    public async Task<(bool Found, LookupResult? Result)> RandomFindPeerAsync(CancellationToken cancellationToken)
    {
        List<SimNode> live = _order.Where(n => n.Up).ToList();
        SimNode from = live[_random.Next(live.Count)];
        SimNode target;
        do
        {
            target = live[_random.Next(live.Count)];
        }
        while (target == from);

        if (from.Node.Table.Find(target.Node.Self) is not null)
        {
            return (true, new LookupResult([], 0, 0, 0, false, null));
        }

        LookupResult r = await from.Node.FindPeerLookupAsync(target.Node.Self, cancellationToken).ConfigureAwait(false);
        return (r.Exact is not null, r);
    }

    private sealed class SimNode : IKadNetwork
    {
        private readonly KadSimulation _sim;

        public SimNode(KadSimulation sim, PeerId id)
        {
            _sim = sim;
            Node = new KadNode(id, sim._options, this);
        }

        public KadNode Node { get; }

        public bool Up { get; set; } = true;

        public Task<KadMessage?> SendAsync(KadContact peer, KadMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!_sim._nodes.TryGetValue(peer.Id, out SimNode? target) || !target.Up)
            {
                throw new IOException("peer unreachable");
            }

            _sim.MessagesHandled++;
            KadMessage? response = target.Node.Handle(Node.Self, KadMessage.Decode(request.Encode()));
            // Every simulated node is a server, so the callee keeps the caller as a server would after identify.
            target.Node.Table.TryAdd(Node.Self, []);
            return Task.FromResult(response is null ? null : KadMessage.Decode(response.Encode()));
        }
    }
}
