// Misuse of the public transaction API fails with the documented exception and a reason, never with wrong bytes:
// values that do not fit their Move type, types that are not pure, malformed type text and call targets.
using System;
using System.Collections.Generic;
using System.Numerics;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.PublicApi.Tests;

public sealed class MisuseTests
{
    public static TheoryData<string, object?> ValuesThatDoNotFit => new()
    {
        { "u8", 256 },
        { "u16", -1 },
        { "u64", new BigInteger(ulong.MaxValue) + 1 },
        { "u256", BigInteger.One << 256 },
        { "bool", 1 },
        { "address", "0xnothex" },
        { "vector<u8>", "not a vector" },
        { "0x1::ascii::String", "grüße" },
        { "0x2::coin::Coin<0x2::iota::IOTA>", "a coin is an object, not a pure value" },
        { "signer", "0x1" },
        { "0x1::option::Option<u8>", 300 },
    };

    public static TheoryData<string> MalformedTypes => new(
        "", "u7", "vector<u8, u8>", "vector<>", "vector<u8", "u8>", "0x2::coin", "0x2::coin::Coin::X", "0xZZ::a::B",
        "0x2::1coin::Coin", "0x2::coin::Co-in", "0x2::coin::Coin<>", "0x2::coin::Coin<u8,>",
        string.Concat(System.Linq.Enumerable.Repeat("vector<", 18)) + "u8" + new string('>', 18));

    [Theory]
    [MemberData(nameof(ValuesThatDoNotFit))]
    public void PureValuesThatDoNotFitTheirTypeAreRefused(string type, object? value) =>
        Assert.Throws<ArgumentException>(() => PureValue.Encode(TypeTag.Parse(type), value));

    [Theory]
    [MemberData(nameof(MalformedTypes))]
    public void MalformedTypeTextIsAFormatException(string text)
    {
        Assert.Throws<FormatException>(() => TypeTag.Parse(text));
        Assert.False(TypeTag.TryParse(text, out _));
    }

    [Fact]
    public void EquivalentPureValuesGiveTheSameBytes()
    {
        TypeTag bytes = TypeTag.Parse("vector<u8>");
        Assert.Equal(PureValue.Encode(bytes, new byte[] { 1, 2, 3 }), PureValue.Encode(bytes, new List<int> { 1, 2, 3 }));
        Assert.Equal(PureValue.Encode(TypeTag.U64, 4294967296UL), PureValue.Encode(TypeTag.U64, "4294967296"));
        Assert.Equal(PureValue.Encode(TypeTag.Address, IotaAddress.Parse("0x2")), PureValue.Encode(TypeTag.Parse("0x2::object::ID"), "0x2"));
        Assert.Equal([0], PureValue.Encode(TypeTag.Parse("0x1::option::Option<u64>"), null));
    }

    [Fact]
    public void BadMoveCallTargetsAndNestedResultsOfNonResultsAreRefused()
    {
        var b = new ProgrammableTransactionBuilder();
        Assert.Throws<FormatException>(() => b.MoveCall("0x2::coin", []));
        Assert.Throws<FormatException>(() => b.MoveCall("coin::zero::x", []));
        Assert.Throws<InvalidOperationException>(() => b.PureU8(1).Nested(0));
        Assert.Throws<InvalidOperationException>(() => ProgrammableTransactionBuilder.Gas.Nested(0));
        Assert.Empty(b.Commands);
    }
}
