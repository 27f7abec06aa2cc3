// The node chooses its reachability itself (docs/nat.md "Automatic reachability"). With bootstrap peers, the chat host
// connects to each (as infrastructure: the gate holds the connection, no handshake) and reads identify: a peer that
// serves /libp2p/autonat/2/dial-request is asked (AutoNAT v2, libp2p/specs autonat/autonat-v2.md) about each of our
// candidate addresses; a peer that serves /libp2p/circuit/relay/0.2.0/hop is a relay. Until the node is known to be
// public it reserves on those relays (relay/circuit-v2.md) and punches holes (DCUtR) on the relayed connections; once
// an AutoNAT server dialed an address back, the automatic reservations are released and the verified addresses are
// advertised first. Every ReachabilityRecheckInterval the peers are asked again; each change of the verdict or of the
// live reservations republishes the DHT record. NodeOptions.ReachabilityOverride states the verdict instead.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.AutoNat;
using WotId.Libp2p.Protocols.Relay;
using WotId.Node.Api;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    private readonly ConcurrentDictionary<PeerId, Multiaddress> _bootstrapRelays = new();
    private readonly ConcurrentDictionary<PeerId, Multiaddress> _autoNatServers = new();

    // Touched by the reachability loop only.
    private readonly Dictionary<PeerId, (CancellationTokenSource Stop, Task Loop)> _autoRelayLoops = [];
    private volatile int _autoRelayCount;
    private List<Multiaddress> _bootstrapPeers = [];
    private volatile bool _infrastructureKnown;
    private Reachability _reachability = Reachability.Unknown;

    /// <summary>The node's reachability now: measured, stated by the options, or unknown.</summary>
    public Reachability Reachability => _options.ReachabilityOverride ?? _reachability;

    /// <summary>True when the node looks for relays among its bootstrap peers (bootstrap peers, not stated public).</summary>
    private static bool SeeksRelays(NodeOptions options) => options.BootstrapPeers.Count > 0 && options.ReachabilityOverride != Reachability.Public;

    /// <summary>The first DHT record waits for this: the bootstrap peers were asked and every relay reservation is up.</summary>
    private bool AddressesSettled =>
        (_bootstrapPeers.Count == 0 || _infrastructureKnown) && _liveReservations.Count >= _relays.Count + _autoRelayCount;

    /// <summary>Addresses an AutoNAT server dialed back (without <c>/p2p</c>, as the listen addresses).</summary>
    private List<Multiaddress> PublicAddresses() =>
        _host.AddressReachability.Where(a => a.State == Reachability.Public || Decide(a) == Reachability.Public).Select(a => a.Address).ToList();

    /// <summary>Bootstrap peers are infrastructure for the chat host (called from ConfigureReachability).</summary>
    private void ConfigureBootstrapInfrastructure()
    {
        foreach (string text in _options.BootstrapPeers)
        {
            if (Multiaddress.TryParse(text, out Multiaddress? address) && address?.PeerId is { } peer && !address.Contains(MultiaddrCodes.P2pCircuit))
            {
                _bootstrapPeers.Add(address);
                _infrastructure[peer] = 0;
            }
        }

        if (_bootstrapPeers.Count > 0)
        {
            // The AutoNAT server dials back on a fresh connection from a peer we may not know: the nonce proves it.
            _gate.AllowBeforeVerification(AutoNatProtocol.DialBackProtocolId);
            _gate.AllowBeforeVerification(RelayProtocol.StopProtocolId);
        }
    }

    private void StartReachability()
    {
        if (_bootstrapPeers.Count > 0)
        {
            _loops.Add(RunReachabilityLoopAsync(_stop.Token));
        }
    }

    private async Task RunReachabilityLoopAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await FindInfrastructureAsync(stop).ConfigureAwait(false);
                await ApplyRelaysAsync(stop).ConfigureAwait(false);
                if (!_infrastructureKnown)
                {
                    // The first DHT record waits for this (AddressesSettled).
                    _infrastructureKnown = true;
                    _addressesChanged.Set();
                }
                if (_options.ReachabilityOverride is null)
                {
                    await ProbeAsync(stop).ConfigureAwait(false);
                    Reachability now = Decide();
                    if (now != _reachability)
                    {
                        string state = Wire(now), verified = string.Join(' ', PublicAddresses());
                        ReachabilityLog.ReachabilityDecided(_logger, state, verified);
                        _reachability = now;
                        _addressesChanged.Set();
                    }

                    await ApplyRelaysAsync(stop).ConfigureAwait(false);
                }

                await Task.Delay(_options.ReachabilityRecheckInterval, _time, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            foreach ((CancellationTokenSource cts, Task loop) in _autoRelayLoops.Values)
            {
                await cts.CancelAsync().ConfigureAwait(false);
                await loop.ConfigureAwait(false);
                cts.Dispose();
            }
        }
    }

    /// <summary>Connects the chat host to each bootstrap peer and notes which serve AutoNAT v2 and Circuit Relay v2 hop.</summary>
    private async Task FindInfrastructureAsync(CancellationToken stop)
    {
        foreach (Multiaddress address in _bootstrapPeers)
        {
            PeerId peer = address.PeerId!;
            try
            {
                Libp2pConnection c = await _host.DialAsync(address, stop).ConfigureAwait(false);
                WotId.Libp2p.Protocols.Identify.IdentifyMessage identified =
                    await c.Identified.WaitAsync(TimeSpan.FromSeconds(15), _time, stop).ConfigureAwait(false);
                bool autoNat = identified.Protocols.Contains(AutoNatProtocol.DialRequestProtocolId);
                bool relay = identified.Protocols.Contains(RelayProtocol.HopProtocolId);
                Note(_autoNatServers, peer, address, autoNat);
                Note(_bootstrapRelays, peer, address, relay && !_relays.Exists(r => r.PeerId == peer));

                ReachabilityLog.BootstrapOffers(_logger, peer, autoNat, relay);
            }
            catch (Exception e) when (e is HostException or TimeoutException or System.IO.IOException)
            {
                ReachabilityLog.BootstrapUnreachable(_logger, peer, e.Message);
            }
        }
    }

    /// <summary>Asks every AutoNAT server about every candidate address (one request each; failures are skipped).</summary>
    private async Task ProbeAsync(CancellationToken stop)
    {
        IReadOnlyList<Multiaddress> candidates = _host.ReachabilityCandidates;
        foreach (PeerId server in _autoNatServers.Keys)
        {
            foreach (Multiaddress a in candidates)
            {
                try
                {
                    AutoNatCheckResult r = await _host.CheckReachabilityAsync(server, a, stop).ConfigureAwait(false);
                    ReachabilityLog.Checked(_logger, a, server, r.Outcome, r.Detail);
                }
                catch (HostException e)
                {
                    ReachabilityLog.CheckFailed(_logger, server, e.Message);
                    break;
                }
            }
        }
    }

    /// <summary>Public when any current candidate is public; private when every candidate is private; else unknown.</summary>
    private Reachability Decide()
    {
        var candidates = new HashSet<Multiaddress>(_host.ReachabilityCandidates);
        List<Reachability> states = _host.AddressReachability.Where(a => candidates.Contains(a.Address)).Select(Decide).ToList();
        return states.Contains(Reachability.Public) ? Reachability.Public
            : states.Count > 0 && states.All(s => s == Reachability.Private) ? Reachability.Private
            : Reachability.Unknown;
    }

    /// <summary>One address: as many servers must agree as <see cref="NodeOptions.AutoNatConfirmations"/>, or all known ones when fewer.</summary>
    private Reachability Decide(AddressReachability a)
    {
        int needed = Math.Max(1, Math.Min(_options.AutoNatConfirmations, _autoNatServers.Count));
        return a.Successes >= needed && a.Successes >= a.Failures ? Reachability.Public
            : a.Failures >= needed && a.Failures > a.Successes ? Reachability.Private
            : Reachability.Unknown;
    }

    private static void Note(ConcurrentDictionary<PeerId, Multiaddress> set, PeerId peer, Multiaddress address, bool offers)
    {
        if (offers)
        {
            set[peer] = address;
        }
        else
        {
            set.TryRemove(peer, out _);
        }
    }

    /// <summary>Reserves on the relays among the bootstrap peers unless public; releases those reservations when public.</summary>
    private async Task ApplyRelaysAsync(CancellationToken stop)
    {
        bool want = Reachability != Reachability.Public;
        foreach ((PeerId peer, Multiaddress address) in _bootstrapRelays)
        {
            bool running = _autoRelayLoops.ContainsKey(peer);
            if (want && !running)
            {
                var cts = CancellationTokenSource.CreateLinkedTokenSource(stop);
                _autoRelayLoops[peer] = (cts, RunRelayAsync(address, cts.Token));
            }
        }

        foreach (PeerId peer in _autoRelayLoops.Keys.ToList())
        {
            if (!want || !_bootstrapRelays.ContainsKey(peer))
            {
                (CancellationTokenSource cts, Task loop) = _autoRelayLoops[peer];
                _autoRelayLoops.Remove(peer);

                // RunRelayAsync ends at once when cancelled, withdraws its circuit addresses and drops the lease.
                await cts.CancelAsync().ConfigureAwait(false);
                await loop.ConfigureAwait(false);
                cts.Dispose();
                ReachabilityLog.RelayReleased(_logger, peer);
            }
        }

        _autoRelayCount = _autoRelayLoops.Count;
    }

    private ReachabilityStatus ReachabilityStatus() => new(
        Wire(Reachability),
        _options.ReachabilityOverride is not null ? "configured" : _autoNatServers.IsEmpty ? "none" : "autonat",
        PublicAddresses().Select(a => a.Encapsulate("/p2p/" + _host.PeerId).ToString()).ToList(),
        RelayedAddresses.Select(a => a.ToString()).ToList(),
        _relays.Concat(_bootstrapRelays.Values).Select(a => a.ToString()).Distinct().ToList());

    private static string Wire(Reachability r) => r switch
    {
        Reachability.Public => "public",
        Reachability.Private => "private",
        _ => "unknown",
    };
}
