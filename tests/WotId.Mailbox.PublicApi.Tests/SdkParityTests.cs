// Byte parity with @iota/iota-sdk 1.15.1 through the public API only: nine general transactions (every command and
// input kind, sponsored gas, epoch expiration, u64/u128/u256 limits, nested generic type arguments, Receiving inputs,
// Publish/Upgrade, MakeMoveVec with and without a type), the personal-message signature, dynamic-field IDs and type
// tags, each built in Node by interop/mailbox/ptb-public.mjs and here by the public types, compared byte for byte.
using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;
using static WotId.Mailbox.PublicApi.Tests.PublicInputs;

namespace WotId.Mailbox.PublicApi.Tests;

public sealed class SdkParityTests
{
    public static TheoryData<string> Cases => new(ReferenceTransactions.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BytesDigestsAndSignaturesOfPublicApiTransactionsMatchTheSdk(string name)
    {
        JsonElement expected = (await PublicApiOracle.GetAsync()).GetProperty("transactions").GetProperty(name);
        using IotaKeyPair alice = Alice();
        using IotaKeyPair bob = Bob();
        TransactionData tx = ReferenceTransactions.Build(name, alice.Address, bob.Address);

        byte[] bytes = tx.ToBcs();
        Assert.Equal(expected.GetProperty("txBytes").GetString(), Hex(bytes));
        Assert.Equal(expected.GetProperty("kindBytes").GetString(), Hex(tx.Kind.ToBcs()));
        Assert.Equal(expected.GetProperty("digest").GetString(), tx.GetDigest().ToString());
        Assert.Equal(expected.GetProperty("signingDigest").GetString(), Hex(tx.GetSigningDigest()));
        string[] signatures = tx.IsSponsored ? [alice.SignTransaction(tx), bob.SignTransaction(tx)] : [alice.SignTransaction(tx)];
        Assert.Equal(expected.GetProperty("signatures").EnumerateArray().Select(e => e.GetString()!).ToArray(), signatures);
        IotaAddress?[] signers = tx.IsSponsored ? [alice.Address, bob.Address] : [alice.Address];
        Assert.Equal(signers, signatures.Select(s => SerializedSignature.VerifyTransaction(bytes, s)).ToArray());

        // The SDK's bytes parse into the same structure and re-encode to themselves.
        TransactionData parsed = TransactionData.FromBcs(Convert.FromHexString(expected.GetProperty("txBytes").GetString()!));
        Assert.Equal(tx, parsed);
        Assert.Equal(bytes, parsed.ToBcs());
        Assert.Equal(tx.Kind, ProgrammableTransaction.FromBcs(Convert.FromHexString(expected.GetProperty("kindBytes").GetString()!)));
    }

    [Fact]
    public async Task PersonalMessageSignaturesMatchAndVerifyBothWays()
    {
        JsonElement p = (await PublicApiOracle.GetAsync()).GetProperty("personal");
        byte[] message = Convert.FromHexString(p.GetProperty("message").GetString()!);
        using IotaKeyPair alice = Alice();

        string ours = alice.SignPersonalMessage(message);
        Assert.Equal(p.GetProperty("signature").GetString(), ours);
        Assert.Equal(p.GetProperty("signingDigest").GetString(), Hex(IotaIntent.PersonalMessageSigningDigest(message)));
        Assert.Equal(alice.Address, SerializedSignature.VerifyPersonalMessage(message, p.GetProperty("signature").GetString()!));

        message[0] ^= 1;
        Assert.Null(SerializedSignature.VerifyPersonalMessage(message, ours));
        // A personal-message signature is not a transaction signature (different intent scope).
        Assert.Null(SerializedSignature.VerifyTransaction(Convert.FromHexString(p.GetProperty("message").GetString()!), ours));
    }

    [Fact]
    public async Task DynamicFieldIdsAndKeyBytesMatchTheSdk()
    {
        JsonElement[] fields = (await PublicApiOracle.GetAsync()).GetProperty("dynamicFields").EnumerateArray().ToArray();
        object[] keys = [Recv.ObjectId, 4294967296UL, "archive", new byte[] { 1, 2, 3 }];
        TypeTag id = TypeTag.Parse("0x2::object::ID");
        Assert.Equal(keys.Length + 1, fields.Length);
        for (int i = 0; i < keys.Length; i++)
        {
            IotaAddress parent = IotaAddress.Parse(fields[i].GetProperty("parent").GetString()!);
            TypeTag type = TypeTag.Parse(fields[i].GetProperty("type").GetString()!);
            byte[] key = PureValue.Encode(type, keys[i]);
            Assert.Equal(fields[i].GetProperty("keyBcs").GetString(), Hex(key));
            Assert.Equal(fields[i].GetProperty("id").GetString(), DynamicFields.DeriveId(parent, type, key).ToString());
        }

        JsonElement wrapped = fields[^1];
        IotaAddress pool = IotaAddress.Parse(wrapped.GetProperty("parent").GetString()!);
        byte[] idKey = PureValue.Encode(id, Recv.ObjectId);
        Assert.Equal(wrapped.GetProperty("id").GetString(), DynamicFields.DeriveObjectFieldId(pool, id, idKey).ToString());
        Assert.Equal(wrapped.GetProperty("id").GetString(), DynamicFields.DeriveId(pool, TypeTag.Parse(wrapped.GetProperty("type").GetString()!), idKey).ToString());
    }

    [Fact]
    public async Task TypeTagsParseFormatAndEncodeLikeTheSdk()
    {
        foreach (JsonElement t in (await PublicApiOracle.GetAsync()).GetProperty("typeTags").EnumerateArray())
        {
            TypeTag tag = TypeTag.Parse(t.GetProperty("input").GetString()!);
            Assert.Equal(t.GetProperty("canonical").GetString(), tag.ToCanonicalString());
            Assert.Equal(t.GetProperty("bcs").GetString(), Hex(tag.ToBcs()));
            Assert.Equal(tag, TypeTag.FromBcs(tag.ToBcs()));
            Assert.Equal(tag, TypeTag.Parse(tag.ToString()));
            Assert.Equal(tag.Struct, StructTag.Parse(tag.ToCanonicalString()));
        }

        Assert.Equal("0x2::coin::Coin<0x2::iota::IOTA>", TypeTag.Parse("0x0000000000000000000000000000000000000000000000000000000000000002::coin::Coin<0x02::iota::IOTA>").ToString());
    }
}
