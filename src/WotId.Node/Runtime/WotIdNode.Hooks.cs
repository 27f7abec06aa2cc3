// Internal hooks for the benchmarks and tests (bench/WotId.Benchmarks/Node, reached through InternalsVisibleTo; never part of
// the facade): the node's libp2p host, so a measurement can hold verified connections without a message, and a reset
// of one contact (its connections closed, its Signal session forgotten), so that the next message to it repeats the
// whole session setup: dial, handshake with both presentations verified, PQXDH from the stored bundle, first ACK.
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Node.Messaging;
using WotId.Node.Storage;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    /// <summary>The node's libp2p host.</summary>
    internal Libp2pHost Host => _host;

    /// <summary>
    /// Closes every connection to <paramref name="contact"/>'s peer and deletes the Signal session with it. The
    /// contact's stored bundle (the one from the last handshake this node initiated, unless a session already spent
    /// it) starts the next session; with none, the next message waits for the bundle of the handshake it dials.
    /// </summary>
    internal async Task ResetContactAsync(string contact, CancellationToken cancellationToken)
    {
        Contact c = Resolve(contact);
        foreach (Libp2pConnection connection in _host.Connections.Where(x => x.RemotePeer.ToString() == c.PeerId).ToList())
        {
            await connection.CloseAsync("reset").ConfigureAwait(false);
        }

        await ForgetSessionAsync(contact, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the Signal session with <paramref name="contact"/> and leaves its connections open (a lost session:
    /// the next message starts a new one from the stored bundle, or from a fresh handshake when that is spent).
    /// </summary>
    internal async Task ForgetSessionAsync(string contact, CancellationToken cancellationToken)
    {
        Contact c = Resolve(contact);
        await _crypto.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            DeleteSessionLocked(c);
        }
        finally
        {
            _crypto.Release();
        }
    }

    /// <summary>The contact's stored prekey bundle (public data), or null (tests: keep a bundle before it is spent).</summary>
    internal byte[]? StoredPreKeyBundle(string contact) => _profile.Contacts.GetPreKeyBundle(Resolve(contact).Id);

    /// <summary>Stores <paramref name="bundle"/> as the contact's prekey bundle (tests: put back a spent one).</summary>
    internal void RestorePreKeyBundle(string contact, byte[] bundle) => _profile.Contacts.SetPreKeyBundle(Resolve(contact).Id, bundle);
}
