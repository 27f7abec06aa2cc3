// SPQR send output (SparsePostQuantumRatchet src/lib.rs `Send`): the field-5 bytes and the message-key salt.

namespace WotId.Signal.Spqr;

/// <summary>What <see cref="SpqrSession.Send"/> produced for one outgoing message.</summary>
/// <param name="Message">The SPQR message, carried in SignalMessage field 5.</param>
/// <param name="Key">The 32-byte SPQR key (HKDF salt of the message keys), or null when SPQR gives none.</param>
public sealed record SpqrSendResult(byte[] Message, byte[]? Key);
