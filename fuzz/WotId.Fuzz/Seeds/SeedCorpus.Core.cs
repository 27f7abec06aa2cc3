// Seeds for the WotId.Core decoders: the RFC 4648 §10 test vectors and multiformats examples.
using System.Collections.Generic;
using WotId.Core.Encoding;
using WotId.Core.Protobuf;

namespace WotId.Fuzz.Seeds;

internal static partial class SeedCorpus
{
    private static IEnumerable<Seed> Core()
    {
        yield return Text("core-base32", "foobar", "mzxw6ytboi");
        yield return Text("core-base32", "f", "my");
        yield return Text("core-base58", "hello-world", "StV1DL6CwTryKyV");
        yield return Text("core-base58", "leading-zeros", "1112");
        yield return Text("core-base64url", "foobar", "Zm9vYmFy");
        yield return Text("core-base64url", "specials", "-_8");
        yield return Text("core-hex", "bytes", "00ff7f80");
        yield return Text("core-multibase", "base58btc", "z" + Base58.Encode([0xed, 0x01, 1, 2, 3]));
        yield return Text("core-multibase", "base32", "b" + Base32.Encode([0x12, 0x20, 9]));
        yield return Text("core-multibase", "base64url", "u" + Base64Url.Encode([0xff, 0xee]));
        yield return new Seed("core-multihash", "sha256", Multihash.Encode(0x12, new byte[32]));
        yield return new Seed("core-multihash", "identity", Multihash.Encode(0x00, [1, 2, 3]));
        yield return new Seed("core-varint", "300", Varint.Encode(300));
        yield return new Seed("core-varint", "max", Varint.Encode(Varint.MaxValue));
        yield return new Seed("core-protobuf", "varint-150", [0x08, 0x96, 0x01]); // protobuf encoding guide, "A Simple Message"
        var message = new ProtobufWriter();
        message.WriteString(2, "testing");
        message.WriteFixed32(3, 7);
        message.WriteFixed64(4, 9);
        message.WriteSInt64(5, -2);
        var outer = new ProtobufWriter();
        outer.WriteUInt64(1, ulong.MaxValue);
        outer.WriteBytes(6, message.WrittenSpan);
        yield return new Seed("core-protobuf", "every-wire-type", outer.ToArray());
    }
}
