// Validator of the /wotid/ namespace on the wot.id DHT (docs/discovery.md, "wot.id records"): a value must be a
// wot.id record signed by its DID's ML-DSA key, stored under "/wotid/" ‖ SHA-256(DID), not expired, and not
// valid for longer than MaxLifetime ahead; among valid records the highest sequence number wins (so a stale
// record offered to a server that holds a newer one is refused by the record store).
using System;
using System.Collections.Generic;
using WotId.Libp2p.Kademlia;

namespace WotId.Node.Discovery;

/// <summary>Checks and ranks wot.id DHT records.</summary>
public sealed class WotIdDhtRecordValidator : IKadRecordValidator
{
    /// <summary>How far ahead a record may expire (a record cannot pin stale addresses for longer).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(48);

    private readonly TimeProvider _time;

    /// <summary>Creates the validator on <paramref name="timeProvider"/>'s clock.</summary>
    public WotIdDhtRecordValidator(TimeProvider timeProvider)
    {
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <inheritdoc />
    public void Validate(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        WotIdDhtRecord record = WotIdDhtRecord.Open(value);
        if (!key.SequenceEqual(WotIdDhtRecord.KeyOf(record.Did)))
        {
            throw new KadException(KadError.InvalidRecord, "the record is stored under another DID's key");
        }

        DateTimeOffset now = _time.GetUtcNow();
        if (record.ExpiresAt <= now)
        {
            throw new KadException(KadError.InvalidRecord, "the record has expired");
        }

        if (record.ExpiresAt > now + MaxLifetime)
        {
            throw new KadException(KadError.InvalidRecord, "the record expires too far ahead");
        }
    }

    /// <inheritdoc />
    public int Select(ReadOnlySpan<byte> key, IReadOnlyList<byte[]> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int best = 0;
        ulong bestSeq = 0;
        for (int i = 0; i < values.Count; i++)
        {
            ulong seq = WotIdDhtRecord.Open(values[i]).Sequence;
            if (i == 0 || seq > bestSeq)
            {
                best = i;
                bestSeq = seq;
            }
        }

        return best;
    }
}
