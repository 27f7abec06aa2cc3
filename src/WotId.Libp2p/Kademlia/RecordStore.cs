// Value records held by a DHT server (libp2p/specs kad-dht/README.md "Value storage and retrieval"): validated on
// put, the better record (the validator's selector) wins over the stored one, records expire after 48 h
// (go-libp2p-kad-dht MaxRecordAge), and the store is bounded (new keys are refused when full).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace WotId.Libp2p.Kademlia;

/// <summary>A bounded, expiring store of validated records. Thread-safe.</summary>
internal sealed class RecordStore
{
    private readonly Dictionary<string, (KadRecord Record, DateTimeOffset Received)> _records = new(StringComparer.Ordinal);
    private readonly KadValidators _validators;
    private readonly TimeProvider _time;
    private readonly object _lock = new();

    public RecordStore(KadValidators validators, TimeProvider time, int capacity, TimeSpan maxAge)
    {
        _validators = validators;
        _time = time;
        Capacity = capacity;
        MaxAge = maxAge;
    }

    public int Capacity { get; }

    public TimeSpan MaxAge { get; }

    public int Count
    {
        get { lock (_lock) { return _records.Count; } }
    }

    /// <summary>Validates and stores; returns the stored record (with its timeReceived).</summary>
    /// <exception cref="KadException">Invalid record, an older record than the one held, or the store is full.</exception>
    public KadRecord Put(KadRecord record)
    {
        _validators.Validate(record.Key, record.Value);
        DateTimeOffset now = _time.GetUtcNow();
        string id = Convert.ToBase64String(record.Key);
        var stored = new KadRecord(record.Key, record.Value, now.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture));
        lock (_lock)
        {
            if (_records.TryGetValue(id, out var existing) && now - existing.Received < MaxAge)
            {
                if (_validators.Select(record.Key, [record.Value, existing.Record.Value]) != 0)
                {
                    throw new KadException(KadError.InvalidRecord, "the stored record is better than the one offered");
                }
            }
            else if (_records.Count >= Capacity)
            {
                Expire(now);
                if (_records.Count >= Capacity)
                {
                    throw new KadException(KadError.TooLarge, $"the record store is full ({Capacity} keys)");
                }
            }

            _records[id] = (stored, now);
        }

        return stored;
    }

    /// <summary>The record of <paramref name="key"/>, unless absent, expired or no longer valid.</summary>
    public KadRecord? Get(ReadOnlySpan<byte> key)
    {
        string id = Convert.ToBase64String(key);
        KadRecord record;
        lock (_lock)
        {
            if (!_records.TryGetValue(id, out var entry))
            {
                return null;
            }

            if (_time.GetUtcNow() - entry.Received >= MaxAge)
            {
                _records.Remove(id);
                return null;
            }

            record = entry.Record;
        }

        try
        {
            // Records such as signed wot.id records can expire while held.
            _validators.Validate(record.Key, record.Value);
            return record;
        }
        catch (KadException)
        {
            lock (_lock)
            {
                _records.Remove(id);
            }

            return null;
        }
    }

    private void Expire(DateTimeOffset now)
    {
        foreach (string id in _records.Where(e => now - e.Value.Received >= MaxAge).Select(e => e.Key).ToList())
        {
            _records.Remove(id);
        }
    }
}
