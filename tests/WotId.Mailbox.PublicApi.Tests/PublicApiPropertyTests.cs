// CsCheck properties of the public transaction API: parsers of untrusted input (TransactionData.FromBcs,
// ProgrammableTransaction.FromBcs, TypeTag.Parse/FromBcs) only ever throw their documented exception, and
// generated transactions and type tags survive every round trip (BCS, display text, canonical text).
using System;
using System.Linq;
using CsCheck;
using WotId.Mailbox.Bcs;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;
using static WotId.Mailbox.PublicApi.Tests.PublicInputs;

namespace WotId.Mailbox.PublicApi.Tests;

public sealed class PublicApiPropertyTests
{
    private static readonly byte[][] s_golden = ReferenceTransactions.Names
        .Select(n => ReferenceTransactions.Build(n, Id(1), Id(2)).ToBcs()).ToArray();

    private static readonly Gen<string> s_identifier =
        Gen.Select(Gen.Char["abcxyzABC"], Gen.String[Gen.Char["abz_09"], 0, 6]).Select((h, t) => h + t);

    private static readonly Gen<IotaAddress> s_address =
        Gen.OneOf(Gen.Byte[1, 3].Select(b => IotaAddress.Parse("0x" + b)), Gen.Byte.Array[32].Select(b => new IotaAddress(b)));

    private static readonly Gen<TypeTag> s_typeTag = TypeTags(3);

    [Fact]
    public void GarbageNeverThrowsAnythingButBcsFormatExceptionAndDecodedBytesReEncodeExactly() =>
        Gen.Byte.Array[0, 500].Sample(bytes =>
        {
            try
            {
                Assert.Equal(bytes, TransactionData.FromBcs(bytes).ToBcs());
            }
            catch (BcsFormatException)
            {
            }

            try
            {
                Assert.Equal(bytes, ProgrammableTransaction.FromBcs(bytes).ToBcs());
            }
            catch (BcsFormatException)
            {
            }

            try
            {
                Assert.Equal(bytes, TypeTag.FromBcs(bytes).ToBcs());
            }
            catch (BcsFormatException)
            {
            }
        }, iter: 20_000);

    [Fact]
    public void MutatedReferenceTransactionsNeverThrowAnythingButBcsFormatException() =>
        Gen.Select(Gen.Int[0, s_golden.Length - 1], Gen.Int[0, 100_000], Gen.Byte, Gen.Int[0, 100_000]).Sample((which, pos, value, cut) =>
        {
            byte[] b = (byte[])s_golden[which].Clone();
            b[pos % b.Length] = value;
            try
            {
                TransactionData.FromBcs(b.AsSpan(0, cut % (b.Length + 1)));
            }
            catch (BcsFormatException)
            {
            }
        }, iter: 20_000);

    [Fact]
    public void TypeTagTextGarbageNeverThrowsAnythingButFormatException() =>
        Gen.String[Gen.Char["<>,:x0123abfuvectorIOTA_ "], 0, 60].Sample(text =>
        {
            try
            {
                TypeTag t = TypeTag.Parse(text);
                Assert.Equal(t, TypeTag.Parse(t.ToString()));
            }
            catch (FormatException)
            {
            }
        }, iter: 20_000);

    [Fact]
    public void GeneratedTypeTagsRoundTripThroughBcsDisplayAndCanonicalText() =>
        s_typeTag.Sample(t =>
        {
            Assert.Equal(t, TypeTag.FromBcs(t.ToBcs()));
            Assert.Equal(t, TypeTag.Parse(t.ToString()));
            Assert.Equal(t, TypeTag.Parse(t.ToCanonicalString()));
        }, iter: 5_000);

    [Fact]
    public void GeneratedTransactionsRoundTripThroughBcs() =>
        Gen.Select(Gen.ULong, Gen.ULong, s_typeTag, s_address, Gen.Byte.Array[0, 300], Gen.Bool, Gen.Select(Gen.Bool, Gen.ULong))
            .Sample((amount, version, type, address, payload, mutable, expiry) =>
            {
                var b = new ProgrammableTransactionBuilder();
                Argument[] coins = b.SplitCoins(ProgrammableTransactionBuilder.Gas, b.PureU64(amount));
                Argument shared = b.SharedObject(address, version, mutable);
                Argument call = b.MoveCall(address, "m", "f", [type], shared, b.PureBytes(payload), b.ReceivingObject(new ObjectRef(Id(9), version, default)));
                Argument vec = b.MakeMoveVec(mutable ? null : type, call.Nested(0), coins[0]);
                b.MergeCoins(ProgrammableTransactionBuilder.Gas, vec);
                b.TransferObjects([call], b.PureAddress(address));
                TransactionData tx = b.Build(address, new GasData([new ObjectRef(Id(7), version, default)], Id(3), amount, version), expiry.Item1 ? expiry.Item2 : null);

                byte[] bytes = tx.ToBcs();
                Assert.Equal(tx, TransactionData.FromBcs(bytes));
                Assert.Equal(tx.GetDigest(), TransactionData.FromBcs(bytes).GetDigest());
            }, iter: 2_000);

    private static Gen<TypeTag> TypeTags(int depth)
    {
        Gen<TypeTag> primitive = Gen.OneOfConst(TypeTag.Bool, TypeTag.U8, TypeTag.U16, TypeTag.U32, TypeTag.U64, TypeTag.U128, TypeTag.U256, TypeTag.Address, TypeTag.Signer);
        if (depth == 0)
        {
            return primitive;
        }

        Gen<TypeTag> inner = TypeTags(depth - 1);
        Gen<TypeTag> structs = Gen.Select(s_address, s_identifier, s_identifier, inner.Array[0, 3])
            .Select((a, m, n, args) => TypeTag.Of(new StructTag(a, m, n, args)));
        return Gen.OneOf(primitive, inner.Select(TypeTag.Vector), structs);
    }
}
