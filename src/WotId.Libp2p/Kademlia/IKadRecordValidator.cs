// libp2p/specs kad-dht/README.md "Validation": keys are namespaced (/<ns>/<rest>); each namespace has a validator
// that checks a value before it is stored and after it is fetched, and a selector that picks the best of several
// values (go-libp2p-record validator.go: Validate and Select).
using System;
using System.Collections.Generic;

namespace WotId.Libp2p.Kademlia;

/// <summary>Validates and ranks the records of one key namespace.</summary>
public interface IKadRecordValidator
{
    /// <summary>Checks a record; throws when it must not be stored or returned.</summary>
    /// <exception cref="KadException"><see cref="KadError.InvalidRecord"/>: unsigned, forged, stale, expired, oversized.</exception>
    void Validate(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    /// <summary>The index of the best of <paramref name="values"/> (all already valid), e.g. the highest sequence.</summary>
    int Select(ReadOnlySpan<byte> key, IReadOnlyList<byte[]> values);
}
