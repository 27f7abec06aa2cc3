// The fixed inputs of interop/identity/publish-ptb.mjs, mirrored here so both sides build the same transactions.
// The package ID is IOTA Identity's mainnet package (identity.rs Move.lock, env.mainnet, original-published-id).
using System;
using System.Text;
using WotId.Mailbox.Identity;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;
using static WotId.Mailbox.Tests.Vectors.GoldenInputs;

namespace WotId.Mailbox.Tests.Identity;

internal static class IdentityInputs
{
    public static readonly IotaAddress Package = IotaAddress.Parse("0x84cf5d12de2f9731a89bb519bc0c982a941b319a33abefdd5ed2054ad931de08");
    public static readonly IotaIdentityRef IdentityRef = new(Id(0x1d), 4294967400);
    public static readonly ObjectRef Cap = new(Id(0xc7), 5000000002, Digest(0xc7));
    public static readonly ObjectRef Gas = new(Id(0xd4), 4295000123, Digest(0xd4));
    public static readonly IotaAddress Proposal = Id(0x9b);

    private const string Json = "{\"doc\":{\"id\":\"did:0:0\",\"verificationMethod\":[]},\"meta\":{\"created\":\"2026-12-06T00:00:00Z\",\"updated\":\"2026-12-06T00:00:00Z\"}}";

    public static byte[] Document => Packed(Json);

    /// <summary>Over 255 bytes of JSON, so the u16 length and the ULEB128 length both take two bytes.</summary>
    public static byte[] LongerDocument => Packed(Json.Replace("\"verificationMethod\":[]",
        "\"verificationMethod\":[],\"service\":[{\"id\":\"did:0:0#tsp\",\"type\":\"TSPTransport\",\"serviceEndpoint\":\"" + new string('x', 300) + "\"}]", StringComparison.Ordinal));

    public static IotaKeyPair Controller() => Alice();

    public static TransactionData Build(string name, IotaAddress sender)
    {
        var b = new IotaIdentityTransactionBuilder(Package);
        ProgrammableTransaction kind = name switch
        {
            "create" => b.Create(Document),
            "update" => b.Update(IdentityRef, Cap, LongerDocument),
            "update_with_expiration" => b.Update(IdentityRef, Cap, Document, 4294967296123),
            "deactivate" => b.Deactivate(IdentityRef, Cap),
            "delete_document" => b.DeleteDocument(IdentityRef, Cap),
            "execute_update" => b.ExecuteUpdate(IdentityRef, Cap, Proposal),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        return new TransactionData(kind, sender, new GasData([Gas], sender, 1000, 5_000_000_000));
    }

    // A test fixture only: the packed form is built by the did:iota document code, not by the publisher.
    private static byte[] Packed(string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        return [(byte)'D', (byte)'I', (byte)'D', 1, 0, (byte)body.Length, (byte)(body.Length >> 8), .. body];
    }
}
