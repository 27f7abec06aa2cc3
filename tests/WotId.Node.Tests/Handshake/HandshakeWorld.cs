using System;
using System.Collections.Generic;
using WotId.Identity;
using WotId.Identity.Issuing;
using WotId.Identity.Keys;
using WotId.Identity.Status;
using WotId.Node.Handshake;

namespace WotId.Node.Tests.Handshake;

/// <summary>An issuer with its published status list, and the parties it certified.</summary>
internal sealed class HandshakeWorld : IDisposable
{
    public const string ListUrl = "https://status.test.wot.id/lists/1";
    private readonly List<HandshakeParty> _parties = [];

    public HandshakeWorld(TimeProvider? time = null, string listUrl = ListUrl)
    {
        Time = time ?? TimeProvider.System;
        IssuerKey = SigningKey.Generate(KeyAlgorithm.MLDsa65);
        Issuer = new CredentialIssuer(IssuerKey, new IssuerState(listUrl), Time);
        Publish();
    }

    public TimeProvider Time { get; }

    public SigningKey IssuerKey { get; }

    public CredentialIssuer Issuer { get; }

    public LocalStatusListCache StatusLists { get; } = new();

    public HandshakeParty NewParty()
    {
        var party = new HandshakeParty(Issuer);
        _parties.Add(party);
        return party;
    }

    /// <summary>Publishes the issuer's current status list to <see cref="StatusLists"/>.</summary>
    public void Publish() => StatusLists.Put(Issuer.State.StatusListUrl, Issuer.IssueStatusListCredential());

    public HandshakePolicy Policy(IStatusListProvider? statusLists = null, IReadOnlyCollection<string>? trusted = null, TimeSpan? timeout = null, int maxUnverified = 64) =>
        new(trusted ?? [Issuer.Did], statusLists ?? StatusLists)
        {
            TimeProvider = Time,
            Timeout = timeout ?? TimeSpan.FromSeconds(20),
            MaxConcurrentUnverified = maxUnverified,
        };

    public void Dispose()
    {
        foreach (HandshakeParty p in _parties)
        {
            p.Dispose();
        }

        IssuerKey.Dispose();
    }
}
