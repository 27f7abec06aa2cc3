// Stale contact addresses (docs/discovery.md "Stale addresses"): a contact's addresses come from its invitation or
// DHT record once, and go stale when it moves (another port, another relay). When no stored address answers, the node
// looks the contact's DID up on the wot.id DHT; a newer record of the same peer with other addresses replaces the
// stored ones, and the message is tried again on them before it goes to the mailbox. Lookups are bounded: one per
// contact per StaleAddressLookupInterval, each within the direct delivery timeout.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Kademlia;
using WotId.Node.Discovery;
using WotId.Node.Storage;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    private readonly ConcurrentDictionary<long, DateTimeOffset> _lastAddressLookup = new();

    /// <summary>The contact with the addresses of its current DHT record, or null when nothing new was found.</summary>
    private async Task<Contact?> RefreshContactAddressesAsync(Contact contact, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        if (_dht is null || (_lastAddressLookup.TryGetValue(contact.Id, out DateTimeOffset last) && now - last < _options.StaleAddressLookupInterval))
        {
            return null;
        }

        _lastAddressLookup[contact.Id] = now;
        using var timeout = new CancellationTokenSource(_options.DirectDeliveryTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken, _stop.Token);
        WotIdDhtRecord? record;
        try
        {
            record = await ResolveDidAsync(contact.Did, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is KadException or IOException or FormatException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            DiscoveryLog.StaleLookupFailed(_logger, contact.Name, e.Message);
            return null;
        }

        if (record is null || record.PeerId.ToString() != contact.PeerId)
        {
            return null;
        }

        List<string> addresses = record.Addresses.Select(a => a.ToString()).ToList();
        if (addresses.Count == 0 || addresses.ToHashSet(StringComparer.Ordinal).SetEquals(contact.Addresses))
        {
            return null;
        }

        _profile.Contacts.SetAddresses(contact.Id, addresses);
        string named = string.Join(' ', addresses);
        DiscoveryLog.AddressesRefreshed(_logger, contact.Name, named);
        return _profile.Contacts.Get(contact.Id);
    }
}
