// CsCheck properties: garbage never crashes the BCS, message-object and JSON-RPC response decoders (only the
// documented exception escapes), and encode/decode round-trips for transactions built with arbitrary values.
using System;
using System.Text;
using CsCheck;
using WotId.Mailbox.Bcs;
using WotId.Mailbox.Chain;
using WotId.Mailbox.Rpc;
using WotId.Mailbox.Tests.Vectors;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Tests.Properties;

public sealed class DecoderPropertyTests
{
    private static readonly byte[] s_golden = TransactionBcs.Encode(
        SdkTransactionParityTests.Build("withdraw_foreign_object", GoldenInputs.Id(1), GoldenInputs.Id(2)));

    [Fact]
    public void ArbitraryBytesNeverThrowAnythingButBcsFormatException() =>
        Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            try
            {
                TransactionBcs.Decode(bytes);
            }
            catch (BcsFormatException)
            {
            }

            try
            {
                TransactionBcs.DecodeKind(bytes);
            }
            catch (BcsFormatException)
            {
            }

            try
            {
                MessageObjectBcs.DecodeMessage(bytes, MessageState.Pending);
            }
            catch (BcsFormatException)
            {
            }
        }, iter: 20_000);

    [Fact]
    public void MutatedValidTransactionsNeverThrowAnythingButBcsFormatException() =>
        Gen.Select(Gen.Int[0, s_golden.Length - 1], Gen.Byte, Gen.Int[0, s_golden.Length]).Sample((pos, value, cut) =>
        {
            byte[] b = (byte[])s_golden.Clone();
            b[pos] = value;
            try
            {
                TransactionBcs.Decode(b.AsSpan(0, cut));
            }
            catch (BcsFormatException)
            {
            }
        }, iter: 20_000);

    [Fact]
    public void ArbitraryResponseBodiesNeverThrowAnythingButIotaRpcException() =>
        Gen.OneOf(Gen.Byte.Array[0, 300], Gen.String.Select(s => Encoding.UTF8.GetBytes(s)), JsonishGen()).Sample(body =>
        {
            try
            {
                var result = RpcResponseParser.ParseEnvelope(body);
                RpcResponseParser.ParseObjectResponse(result);
            }
            catch (IotaRpcException)
            {
            }

            try
            {
                RpcResponseParser.ParseExecution(RpcResponseParser.ParseEnvelope(body));
            }
            catch (IotaRpcException)
            {
            }
        }, iter: 10_000);

    [Fact]
    public void SendTransactionsRoundTripForAnyPayloadVersionAndBudget() =>
        Gen.Select(Gen.Byte.Array[0, 20_000], Gen.ULong, Gen.ULong, Gen.ULong).Sample((payload, version, budget, seq) =>
        {
            var b = new MailboxTransactionBuilder(GoldenInputs.Package, GoldenInputs.Id(9));
            TransactionData tx = b.Send(new SharedRef(GoldenInputs.Id(7), version), seq, payload,
                new GasConfig([new ObjectRef(GoldenInputs.Id(8), version, GoldenInputs.Digest(3))], 1000, budget, ExpirationEpoch: version % 3 == 0 ? null : seq));
            byte[] bytes = TransactionBcs.Encode(tx);
            Assert.Equal(tx, TransactionBcs.Decode(bytes));
            Assert.Equal(bytes, TransactionBcs.Encode(TransactionBcs.Decode(bytes)));
        }, iter: 300);

    [Fact]
    public void Uleb128LengthsAreCanonical()
    {
        // 0x80 0x00 encodes 0 non-minimally; BCS rejects it.
        Assert.Equal(BcsError.InvalidUleb128, Assert.Throws<BcsFormatException>(() => TransactionBcs.DecodeKind([0x00, 0x80, 0x00, 0x00])).Error);
        Assert.Equal(BcsError.TrailingBytes, Assert.Throws<BcsFormatException>(() => TransactionBcs.DecodeKind([0x00, 0x00, 0x00, 0x00])).Error);
    }

    private static Gen<byte[]> JsonishGen() =>
        Gen.OneOfConst(
            "{\"result\":{\"data\":{\"objectId\":\"0x1\",\"version\":\"1\",\"digest\":\"11111111111111111111111111111111\",\"owner\":",
            "{\"result\":{\"effects\":{\"status\":{\"status\":\"success\"},\"gasUsed\":{}}}}",
            "{\"error\":{\"code\":\"x\"}}", "{\"result\":null}", "{\"result\":{\"data\":[1,2]}}")
        .SelectMany(prefix => Gen.String[0, 40].Select(tail => Encoding.UTF8.GetBytes(prefix + tail)));
}
