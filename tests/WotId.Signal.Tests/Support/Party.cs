using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Keys;
using WotId.Signal.Protocol;
using WotId.Signal.Stores;

namespace WotId.Signal.Tests.Support;

/// <summary>A C# Signal participant with an in-memory store, for tests.</summary>
internal sealed class Party : IDisposable
{
    private uint _nextId = 100;

    internal Party(string name)
    {
        Name = name;
        Identity = IdentityKeyPair.Generate();
        RegistrationId = Keys.RegistrationId.Generate();
        Store = new InMemorySignalProtocolStore(Identity, RegistrationId);
    }

    internal static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal string Name { get; }

    internal IdentityKeyPair Identity { get; }

    internal uint RegistrationId { get; }

    internal InMemorySignalProtocolStore Store { get; }

    internal ProtocolAddress Address => new(Name, 1);

    internal async Task<PreKeyBundle> CreateBundleAsync(bool oneTime = true, bool lastResort = false)
    {
        uint spkId = _nextId++, kyberId = _nextId++, opkId = _nextId++;
        // The store keeps copies; these originals stay ours and are disposed when the bundle is built.
        using SignedPreKeyRecord spk = SignedPreKeyRecord.Generate(Identity, spkId, 1_700_000_000_000);
        using KyberPreKeyRecord kyber = KyberPreKeyRecord.Generate(Identity, kyberId, 1_700_000_000_000, lastResort);
        await Store.StoreSignedPreKeyAsync(spkId, spk, Ct);
        await Store.StoreKyberPreKeyAsync(kyberId, kyber, Ct);
        using PreKeyRecord? opk = oneTime ? PreKeyRecord.Generate(opkId) : null;
        if (opk is not null)
        {
            await Store.StorePreKeyAsync(opkId, opk, Ct);
        }

        return new PreKeyBundle(
            RegistrationId, 1, oneTime ? opkId : null, opk?.KeyPair.PublicKey, spkId, spk.KeyPair.PublicKey, spk.Signature,
            Identity.PublicKey, kyberId, kyber.KeyPair.PublicKey, kyber.Signature);
    }

    internal SessionCipher CipherFor(Party other) => new(Store, other.Address);

    internal SessionCipher CipherFor(string name) => new(Store, new ProtocolAddress(name, 1));

    internal async Task<byte[]> SessionBytesAsync(string name)
    {
        using State.SessionRecord record = (await Store.LoadSessionAsync(new ProtocolAddress(name, 1), Ct))!;
        return record.Serialize();
    }

    public void Dispose() => Store.Dispose();
}
