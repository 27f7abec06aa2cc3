// CsCheck properties of the did:iota transaction builder: arbitrary bytes are either refused as a packed document
// (ArgumentException, nothing else) or accepted exactly when the header and u16 length match; every document up to
// the 16 KiB pure-argument limit travels unchanged in the Option<vector<u8>> pure input of the creation and update
// transactions, which decode back to the same transaction, and every larger one (up to the u16 limit) is refused.
using System;
using CsCheck;
using WotId.Mailbox.Identity;
using WotId.Mailbox.Transactions;

namespace WotId.Mailbox.Tests.Identity;

public sealed class IdentityBuilderPropertyTests
{
    private static readonly IotaIdentityTransactionBuilder s_builder = new(IdentityInputs.Package);

    [Fact]
    public void GarbageIsRefusedWithArgumentExceptionOrAcceptedOnlyWithAValidHeader() =>
        Gen.OneOf(Gen.Byte.Array[0, 300], Gen.Byte.Array[0, 300].Select(b => (byte[])[(byte)'D', (byte)'I', (byte)'D', 1, 0, .. b])).Sample(bytes =>
        {
            bool valid = bytes.Length > 7 && bytes[0] == 'D' && bytes[1] == 'I' && bytes[2] == 'D' && bytes[3] == 1 && bytes[4] == 0
                && bytes[5] + (bytes[6] << 8) == bytes.Length - 7;
            Assert.Equal(valid, IotaIdentityTransactionBuilder.IsPackedDocument(bytes));
            try
            {
                s_builder.Create(bytes);
                Assert.True(valid);
            }
            catch (ArgumentException)
            {
                Assert.False(valid);
            }
        });

    [Fact]
    public void PackedDocumentsUpToThePureArgumentLimitTravelUnchangedAndLargerOnesAreRefused() =>
        Gen.Int[1, ushort.MaxValue].Select(n => Gen.Byte.Array[n]).SelectMany(g => g).Sample(json =>
        {
            byte[] packed = [(byte)'D', (byte)'I', (byte)'D', 1, 0, (byte)json.Length, (byte)(json.Length >> 8), .. json];
            if (packed.Length > IotaIdentityTransactionBuilder.MaxPackedDocumentBytes)
            {
                Assert.Throws<ArgumentException>(() => s_builder.Create(packed));
                Assert.Throws<ArgumentException>(() => s_builder.Update(IdentityInputs.IdentityRef, IdentityInputs.Cap, packed));
                return;
            }

            foreach (ProgrammableTransaction kind in new[] { s_builder.Create(packed), s_builder.Update(IdentityInputs.IdentityRef, IdentityInputs.Cap, packed) })
            {
                Assert.Equal(kind, ProgrammableTransaction.FromBcs(kind.ToBcs()));
                CallArg doc = kind.Inputs[kind.Inputs.Count == 2 ? 0 : 2];
                Assert.Equal(PureValue.Encode(TypeTag.Parse("0x1::option::Option<vector<u8>>"), packed), doc.PureBytes.ToArray());
                Assert.True(doc.PureBytes.Length <= 16 * 1024);
            }
        }, iter: 60);

    [Fact]
    public void TheLargestCarriableDocumentFillsExactlySixteenKibibytesOfPureArgument()
    {
        int json = IotaIdentityTransactionBuilder.MaxPackedDocumentBytes - 7;
        byte[] packed = [(byte)'D', (byte)'I', (byte)'D', 1, 0, (byte)json, (byte)(json >> 8), .. new byte[json]];
        Assert.Equal(16 * 1024, s_builder.Create(packed).Inputs[0].PureBytes.Length);
        byte[] oneMore = [(byte)'D', (byte)'I', (byte)'D', 1, 0, (byte)(json + 1), (byte)((json + 1) >> 8), .. new byte[json + 1]];
        Assert.Throws<ArgumentException>(() => s_builder.Create(oneMore));
    }
}
