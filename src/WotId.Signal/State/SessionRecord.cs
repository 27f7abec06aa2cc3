// A session record: the current session plus up to 40 archived ones, newest first (libsignal
// rust/protocol/src/state/session.rs SessionRecord; RecordStructure in proto/storage.proto:
// 1 current_session (SessionStructure), 2 previous_sessions (repeated bytes, newest first)).
using System;
using System.Collections.Generic;
using WotId.Core.Protobuf;
using WotId.Signal.Protocol;

namespace WotId.Signal.State;

/// <summary>
/// All sessions with one remote device. Archived sessions stay serialized until a message needs them.
/// A record holds secrets and has exactly one owner, who disposes it: a record loaded from an
/// <see cref="Stores.ISessionStore"/> belongs to the caller, and a record passed to
/// <see cref="Stores.ISessionStore.StoreSessionAsync"/> belongs to the store from then on (the caller stops using it).
/// A record is not thread-safe; <see cref="SessionCipher"/> and <see cref="SessionBuilder"/> never share one.
/// </summary>
public sealed class SessionRecord : IDisposable
{
    private readonly List<byte[]> _previous;

    /// <summary>Creates an empty record (no session yet).</summary>
    public SessionRecord()
    {
        _previous = [];
    }

    private SessionRecord(SessionState? current, List<byte[]> previous)
    {
        Current = current;
        _previous = previous;
    }

    /// <summary>True when there is a current session.</summary>
    public bool HasCurrentState => Current is not null;

    /// <summary>Number of archived sessions (at most 40).</summary>
    public int ArchivedStateCount => _previous.Count;

    /// <summary>The current SPQR (SCKA) epoch of the current session, if any.</summary>
    public int? SpqrEpoch => Current?.Spqr.Epoch;

    /// <summary>The remote registration id of the current session, if any.</summary>
    public uint? RemoteRegistrationId => Current?.RemoteRegistrationId;

    /// <summary>The remote identity key of the current session, if any (libsignal SessionRecord::remote_identity_key).</summary>
    public Keys.EcPublicKey? RemoteIdentityKey => Current?.RemoteIdentity;

    /// <summary>True while the current session is unacknowledged (its messages go out as PreKeySignalMessages).</summary>
    public bool IsUnacknowledged => Current?.Pending is not null;

    internal SessionState? Current { get; private set; }

    internal IReadOnlyList<byte[]> Previous => _previous;

    /// <summary>Moves the current session to the archive.</summary>
    public void ArchiveCurrentState()
    {
        if (Current is not null)
        {
            _previous.Insert(0, Current.Serialize());
            Current.Dispose();
            Current = null;
            Trim();
        }
    }

    /// <summary>Serializes the record (contains secrets).</summary>
    public byte[] Serialize()
    {
        var w = new ProtobufWriter(2048);
        if (Current is not null)
        {
            w.WriteBytes(1, Current.Serialize());
        }

        foreach (byte[] p in _previous)
        {
            w.WriteBytes(2, p);
        }

        return w.ToArray();
    }

    /// <summary>Parses <see cref="Serialize"/>'s output; throws <see cref="SignalProtocolException"/> (<see cref="SignalError.InvalidSessionStructure"/>).</summary>
    public static SessionRecord Deserialize(ReadOnlySpan<byte> data)
    {
        SessionState? current = null;
        var previous = new List<byte[]>();
        try
        {
            var r = new ProtobufReader(data);
            while (r.TryReadTag(out int field, out WireType wt))
            {
                switch (field)
                {
                    case 1:
                        current = SessionState.Deserialize(r.ReadBytes(wt));
                        break;
                    case 2:
                        if (previous.Count >= SessionLimits.MaxArchivedStates)
                        {
                            throw new SignalProtocolException(SignalError.InvalidSessionStructure, "too many archived sessions");
                        }

                        previous.Add(r.ReadBytes(wt).ToArray());
                        break;
                    default:
                        r.Skip(wt);
                        break;
                }
            }
        }
        catch (SignalProtocolException e) when (e.Error != SignalError.InvalidSessionStructure)
        {
            throw new SignalProtocolException(SignalError.InvalidSessionStructure, "invalid session record: " + e.Message, e);
        }
        catch (ProtobufException e)
        {
            throw new SignalProtocolException(SignalError.InvalidSessionStructure, "invalid session record: " + e.Message, e);
        }

        return new SessionRecord(current, previous);
    }

    /// <summary>
    /// Zeroes the current session's root, chain and ratchet keys and the serialized archived sessions, and empties the record.
    /// The owner calls it when done; other copies of the session (in a store, or from <see cref="Clone"/>) are not affected.
    /// </summary>
    public void Dispose()
    {
        Current?.Dispose();
        Current = null;
        foreach (byte[] p in _previous)
        {
            Array.Clear(p);
        }

        _previous.Clear();
    }

    /// <summary>A deep copy with its own secrets (what a store that serializes and parses records hands out); the caller owns it.</summary>
    internal SessionRecord Clone()
    {
        var previous = new List<byte[]>(_previous.Count);
        foreach (byte[] p in _previous)
        {
            previous.Add((byte[])p.Clone());
        }

        return new SessionRecord(Current?.Clone(), previous);
    }

    /// <summary>Makes <paramref name="state"/> current, archiving (and disposing) the old current session.</summary>
    internal void PromoteState(SessionState state)
    {
        ArchiveCurrentState();
        Current = state;
    }

    /// <summary>Makes archived session <paramref name="index"/> (already parsed as <paramref name="state"/>) current.</summary>
    internal void PromoteArchived(int index, SessionState state)
    {
        Array.Clear(_previous[index]);
        _previous.RemoveAt(index);
        PromoteState(state);
    }

    /// <summary>Session count and state only.</summary>
    public override string ToString() => $"SessionRecord(current: {HasCurrentState}, archived: {_previous.Count})";

    private void Trim()
    {
        while (_previous.Count > SessionLimits.MaxArchivedStates)
        {
            Array.Clear(_previous[^1]);
            _previous.RemoveAt(_previous.Count - 1);
        }
    }
}
