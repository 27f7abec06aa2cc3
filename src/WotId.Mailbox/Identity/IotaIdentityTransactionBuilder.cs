// Programmable transactions for the IOTA Identity Move package (package name IotaIdentity, module iota_identity::identity),
// as iotaledger/identity.rs builds them at commit 9646fc1 (identity_iota_core 1.6.0-beta):
// identity_iota_core/src/rebased/iota/move_calls/identity.rs (new_identity, propose_update, execute_update) and
// move_calls/utils.rs (get_clock_ref, get_controller_delegation, put_back_delegation_token, option_to_move).
// Move side: packages/iota_identity/sources/identity.move (new, propose_update, execute_update) and controller.move
// (ControllerCap::borrow / put_back). Input and command order follow the Rust builder so the bytes are the same.
// On-chain authentication is the transaction's Ed25519 signature: the ControllerCap is an owned input, so only its
// owner can sign a transaction that borrows its DelegationToken.
using System;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Identity;

/// <summary>Builds create / update / deactivate / delete transactions for did:iota documents of one Identity package.</summary>
public sealed class IotaIdentityTransactionBuilder
{
    /// <summary>The module holding <c>Identity</c>.</summary>
    public const string IdentityModule = "identity";

    /// <summary>The module holding <c>ControllerCap</c>.</summary>
    public const string ControllerModule = "controller";

    /// <summary>Bytes of the packed-document header: <c>"DID"</c>, version 1, encoding 0 (JSON), u16 LE length.</summary>
    public const int PackedHeaderLength = 7;

    /// <summary>
    /// The largest packed document a transaction can carry: a pure argument is at most 16 KiB
    /// (protocol config <c>max_pure_argument_size</c>), and <c>Option&lt;vector&lt;u8&gt;&gt;</c> adds a tag byte and a
    /// two-byte ULEB128 length. The packed format itself would allow 65,535 bytes of JSON.
    /// </summary>
    public const int MaxPackedDocumentBytes = (16 * 1024) - 3;

    private static readonly TypeTag[] s_noTypes = [];
    private static readonly IotaAddress s_stdlib = IotaAddress.Parse("0x1");
    private static readonly TypeTag s_optionOfBytes = TypeTag.Parse("0x1::option::Option<vector<u8>>");

    /// <summary>Creates a builder for the package published at <paramref name="package"/>.</summary>
    /// <param name="package">The package ID the calls go to (after an upgrade, the latest published ID).</param>
    public IotaIdentityTransactionBuilder(IotaAddress package)
    {
        Package = package;
    }

    /// <summary>The package ID the calls go to.</summary>
    public IotaAddress Package { get; }

    /// <summary>
    /// <c>identity::new(Some(doc), &amp;Clock)</c>: a new shared Identity holding <paramref name="packedDocument"/>, with a
    /// single <c>ControllerCap</c> sent to the transaction's sender (threshold 1).
    /// </summary>
    /// <param name="packedDocument">The packed document (<c>DID</c> ‖ 1 ‖ 0 ‖ u16 LE length ‖ JSON with the placeholder DID).</param>
    /// <returns>The programmable transaction.</returns>
    /// <exception cref="ArgumentException">The bytes do not carry the packed-document header and length, or exceed <see cref="MaxPackedDocumentBytes"/>.</exception>
    public ProgrammableTransaction Create(ReadOnlySpan<byte> packedDocument)
    {
        RequirePacked(packedDocument);
        var b = new ProgrammableTransactionBuilder();
        Argument doc = b.Pure(OptionOfBytes(packedDocument, true));
        b.MoveCall(Package, IdentityModule, "new", s_noTypes, doc, b.Clock());
        return b.Build();
    }

    /// <summary>
    /// Borrows the controller's <c>DelegationToken</c> from <paramref name="controllerCap"/> and calls
    /// <c>identity::propose_update(identity, token, Some(doc), expiration, &amp;Clock)</c>, then puts the token back. With
    /// enough voting power (a single controller) the update is executed in the same call.
    /// </summary>
    /// <param name="identity">The Identity.</param>
    /// <param name="controllerCap">The sender's <c>ControllerCap</c> for this Identity (current reference).</param>
    /// <param name="packedDocument">The new packed document.</param>
    /// <param name="expirationMs">When the proposal expires (only matters with several controllers); null for never.</param>
    /// <returns>The programmable transaction.</returns>
    /// <exception cref="ArgumentException">The bytes do not carry the packed-document header and length, or exceed <see cref="MaxPackedDocumentBytes"/>.</exception>
    public ProgrammableTransaction Update(IotaIdentityRef identity, ObjectRef controllerCap, ReadOnlySpan<byte> packedDocument, ulong? expirationMs = null)
    {
        RequirePacked(packedDocument);
        return ProposeUpdate(identity, controllerCap, OptionOfBytes(packedDocument, true), expirationMs);
    }

    /// <summary>
    /// Deactivation as identity.rs does it (<c>UpdateDidDocument::deactivate</c>): <c>propose_update</c> with
    /// <c>Some(empty bytes)</c>. The document can be published again later.
    /// </summary>
    /// <param name="identity">The Identity.</param>
    /// <param name="controllerCap">The sender's <c>ControllerCap</c>.</param>
    /// <param name="expirationMs">Proposal expiry, null for never.</param>
    /// <returns>The programmable transaction.</returns>
    public ProgrammableTransaction Deactivate(IotaIdentityRef identity, ObjectRef controllerCap, ulong? expirationMs = null) =>
        ProposeUpdate(identity, controllerCap, OptionOfBytes([], true), expirationMs);

    /// <summary>
    /// Deletion of the document (<c>UpdateDidDocument::delete</c>): <c>propose_update</c> with <c>None</c>. The Move code
    /// then sets <c>deleted_did</c>, and the Identity can never hold a document again.
    /// </summary>
    /// <param name="identity">The Identity.</param>
    /// <param name="controllerCap">The sender's <c>ControllerCap</c>.</param>
    /// <param name="expirationMs">Proposal expiry, null for never.</param>
    /// <returns>The programmable transaction.</returns>
    public ProgrammableTransaction DeleteDocument(IotaIdentityRef identity, ObjectRef controllerCap, ulong? expirationMs = null) =>
        ProposeUpdate(identity, controllerCap, OptionOfBytes([], false), expirationMs);

    /// <summary>
    /// <c>identity::execute_update(identity, token, proposal_id, &amp;Clock)</c> for a proposal that reached its threshold
    /// (several controllers), with the token borrowed from <paramref name="controllerCap"/> as for a proposal.
    /// </summary>
    /// <param name="identity">The Identity.</param>
    /// <param name="controllerCap">The sender's <c>ControllerCap</c>.</param>
    /// <param name="proposalId">The proposal's ID (from the <c>ProposalEvent</c> of the proposing transaction).</param>
    /// <returns>The programmable transaction.</returns>
    public ProgrammableTransaction ExecuteUpdate(IotaIdentityRef identity, ObjectRef controllerCap, IotaAddress proposalId)
    {
        var b = new ProgrammableTransactionBuilder();
        (Argument cap, Argument token, Argument borrow) = BorrowToken(b, controllerCap);
        Argument proposal = b.PureId(proposalId);
        Argument id = b.SharedObject(identity.Id, identity.InitialSharedVersion, true);
        b.MoveCall(Package, IdentityModule, "execute_update", s_noTypes, id, token, proposal, b.Clock());
        PutBack(b, cap, token, borrow);
        return b.Build();
    }

    /// <summary>True when <paramref name="packed"/> starts with <c>DID</c>, version 1, encoding 0 and its u16 length matches.</summary>
    /// <param name="packed">The bytes.</param>
    /// <returns>Whether the header is well formed.</returns>
    public static bool IsPackedDocument(ReadOnlySpan<byte> packed) =>
        packed.Length > PackedHeaderLength && packed[0] == (byte)'D' && packed[1] == (byte)'I' && packed[2] == (byte)'D'
        && packed[3] == 1 && packed[4] == 0 && packed[5] + (packed[6] << 8) == packed.Length - PackedHeaderLength;

    private ProgrammableTransaction ProposeUpdate(IotaIdentityRef identity, ObjectRef controllerCap, byte[] optionDoc, ulong? expirationMs)
    {
        var b = new ProgrammableTransactionBuilder();
        (Argument cap, Argument token, Argument borrow) = BorrowToken(b, controllerCap);
        Argument id = b.SharedObject(identity.Id, identity.InitialSharedVersion, true);
        Argument expiration = expirationMs is ulong ms
            ? b.MoveCall(s_stdlib, "option", "some", [TypeTag.U64], b.PureU64(ms))
            : b.MoveCall(s_stdlib, "option", "none", [TypeTag.U64]);
        Argument doc = b.Pure(optionDoc);
        b.MoveCall(Package, IdentityModule, "propose_update", s_noTypes, id, token, doc, expiration, b.Clock());
        PutBack(b, cap, token, borrow);
        return b.Build();
    }

    // controller::borrow(&mut ControllerCap): (DelegationToken, Borrow); the two results are NestedResult(i, 0) and (i, 1).
    private (Argument Cap, Argument Token, Argument Borrow) BorrowToken(ProgrammableTransactionBuilder b, ObjectRef controllerCap)
    {
        Argument cap = b.Object(controllerCap);
        Argument pair = b.MoveCall(Package, ControllerModule, "borrow", s_noTypes, cap);
        return (cap, pair.Nested(0), pair.Nested(1));
    }

    private void PutBack(ProgrammableTransactionBuilder b, Argument cap, Argument token, Argument borrow) =>
        b.MoveCall(Package, ControllerModule, "put_back", s_noTypes, cap, token, borrow);

    // BCS of Option<vector<u8>>: 0x00 for None, else 0x01 ‖ ULEB128 length ‖ bytes.
    private static byte[] OptionOfBytes(ReadOnlySpan<byte> bytes, bool some) =>
        PureValue.Encode(s_optionOfBytes, some ? bytes.ToArray() : null);

    private static void RequirePacked(ReadOnlySpan<byte> packed)
    {
        if (!IsPackedDocument(packed))
        {
            throw new ArgumentException("not a packed did:iota document (DID ‖ 1 ‖ 0 ‖ u16 LE length ‖ JSON)", nameof(packed));
        }

        if (packed.Length > MaxPackedDocumentBytes)
        {
            throw new ArgumentException($"a packed document of {packed.Length} bytes exceeds the {MaxPackedDocumentBytes} a pure argument can carry", nameof(packed));
        }
    }
}
