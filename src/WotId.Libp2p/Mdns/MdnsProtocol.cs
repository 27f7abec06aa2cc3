// libp2p mDNS discovery (libp2p/specs discovery/mdns.md): a query is a PTR question for the service name
// (_p2p._udp.local); a peer answers with "<service> PTR <peer-name>.<service>" and TXT records on
// <peer-name>.<service>, one per address, each the string "dnsaddr=<multiaddr ending in /p2p/<peer id>>" of at most
// 255 bytes. The spec puts the TXT records in the additional section; js puts them in the answers, so readers scan
// both. <peer-name> is random lower-case alphanumeric text, not the peer id.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Mdns;

/// <summary>Builds and reads mDNS discovery messages (no I/O).</summary>
internal static class MdnsProtocol
{
    public const string DnsAddrPrefix = "dnsaddr=";

    public static DnsMessage Query(string serviceName)
    {
        var m = new DnsMessage();
        m.Questions.Add(new DnsRecord(serviceName, DnsRecord.TypePtr) { IsQuestion = true });
        return m;
    }

    /// <summary>True for a query that asks for <paramref name="serviceName"/> (PTR or ANY).</summary>
    public static bool AsksFor(DnsMessage m, string serviceName) =>
        !m.IsResponse && m.Questions.Exists(q =>
            (q.Type == DnsRecord.TypePtr || q.Type == DnsRecord.TypeAny) && string.Equals(q.Name, serviceName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Our answer: the PTR to our peer name, and one TXT record per address that fits 255 bytes.</summary>
    public static DnsMessage Response(string serviceName, string peerName, PeerId self, IEnumerable<Multiaddress> addresses, uint ttlSeconds)
    {
        string instance = peerName + "." + serviceName;
        var m = new DnsMessage { Flags = 0x8400 };
        m.Answers.Add(new DnsRecord(serviceName, DnsRecord.TypePtr, DnsRecord.ClassIn, ttlSeconds) { Target = instance });
        foreach (Multiaddress a in addresses)
        {
            Multiaddress full = a.Contains(MultiaddrCodes.P2p) ? a : a.Encapsulate("/p2p/" + self);
            byte[] text = Encoding.UTF8.GetBytes(DnsAddrPrefix + full);
            if (text.Length <= 255 && m.Additionals.Count < DnsMessage.MaxRecordsPerSection)
            {
                m.Additionals.Add(new DnsRecord(instance, DnsRecord.TypeTxt, DnsRecord.ClassIn, ttlSeconds) { Texts = [text] });
            }
        }

        return m;
    }

    /// <summary>Peers announced in a response to <paramref name="serviceName"/>, other than <paramref name="self"/>.</summary>
    public static Dictionary<PeerId, List<Multiaddress>> Discovered(DnsMessage m, string serviceName, PeerId self)
    {
        var found = new Dictionary<PeerId, List<Multiaddress>>();
        if (!m.IsResponse)
        {
            return found;
        }

        var instances = new HashSet<string>(
            m.Answers.Where(r => r.Type == DnsRecord.TypePtr && string.Equals(r.Name, serviceName, StringComparison.OrdinalIgnoreCase) && r.Target is not null)
                .Select(r => r.Target!),
            StringComparer.OrdinalIgnoreCase);
        foreach (DnsRecord r in m.Answers.Concat(m.Additionals))
        {
            if (r.Type != DnsRecord.TypeTxt || !instances.Contains(r.Name))
            {
                continue;
            }

            foreach (byte[] t in r.Texts)
            {
                if (TryParse(t, out PeerId? peer, out Multiaddress? address) && peer != self)
                {
                    if (!found.TryGetValue(peer!, out List<Multiaddress>? list))
                    {
                        list = new();
                        found[peer!] = list;
                    }

                    if (list.Count < Host.PeerStore.MaxAddressesPerPeer && !list.Contains(address!))
                    {
                        list.Add(address!);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>A random peer name: 32 lower-case letters and digits.</summary>
    public static string RandomPeerName()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(alphabet, 32);
    }

    private static bool TryParse(byte[] text, out PeerId? peer, out Multiaddress? address)
    {
        peer = null;
        address = null;
        string s;
        try
        {
            s = new UTF8Encoding(false, true).GetString(text);
        }
        catch (ArgumentException)
        {
            return false;
        }

        if (!s.StartsWith(DnsAddrPrefix, StringComparison.Ordinal) || !Multiaddress.TryParse(s[DnsAddrPrefix.Length..], out Multiaddress? a))
        {
            return false;
        }

        try
        {
            peer = a!.PeerId;
        }
        catch (FormatException)
        {
            return false;
        }

        address = a.DecapsulateCode(MultiaddrCodes.P2p);
        return peer is not null && address.Components.Count > 0;
    }
}
