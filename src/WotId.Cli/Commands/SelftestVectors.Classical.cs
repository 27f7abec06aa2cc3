// Known answers for the primitives `wotid selftest` checks besides the crypto layer's encryption and signing: the key
// derivation of key files (Argon2id), SHA3-512, and the signature verifiers libp2p uses for peer keys it did not
// create (Ed25519 per RFC 8032, RSA, ECDSA P-256 and secp256k1 as libp2p/specs peer-ids/peer-ids.md lists them).
namespace WotId.Cli.Commands;

/// <summary>Known answers for verification-only and key-derivation primitives.</summary>
internal static partial class SelftestVectors
{
    // phc-winner-argon2 src/test.c: Argon2id v=0x13, t=2, m=256 KiB, p=1, password "password", salt "somesalt".
    public const string Argon2idPassword = "password";
    public const string Argon2idSalt = "somesalt";
    public const string Argon2idTag = "9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe";

    // FIPS 202 example (SHA3-512 of "abc").
    public const string Sha3_512Abc = "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0";

    // RFC 8032 §7.1 TEST 2: a signature made elsewhere, verified here (the message is the single byte 0x72).
    public const string Ed25519VerifyPublic = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
    public const string Ed25519VerifyMessage = "72";
    public const string Ed25519VerifySignature = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

    // Made with OpenSSL 3 (`openssl dgst -sha256 -sign`) over the message "abc": RSA-2048 PKCS#1 v1.5, ECDSA P-256
    // and ECDSA secp256k1 (DER signatures); public keys as DER SubjectPublicKeyInfo, secp256k1 compressed as libp2p
    // encodes it.
    public const string RsaSpki =
        "30820122300d06092a864886f70d01010105000382010f003082010a0282010100c4d224c9c8e5d0a118669afaabaaf90a749b70d29ba50414bf4de9ec74"
        + "bec11916648caa8099ad23b0b2e94eb6a0bf8b82d9cc2a80aceeb52b263ea255be40e9c8214e015e4e80a9cdab7dc78c25bbba7456370138a4becd61a24e47"
        + "96b992e6468fbe65848051ae3b0ca9c181063d8f8a4e505e1957755fec749c266fd35465555c021f37be9af484302d44f9f1dc087e6d23dd8326b503b86693"
        + "c606ca5667df20336a5be40c1f5af26c160a24e22219c288fd72a2d0c1526dfdcb05dc77a17d12ae034dd5fb3d3dbab1da212294878f7101f66d6af2f6e355"
        + "e07fd4a46761be2584e089e036d9cea1c0401d90f650e491cf1a4f262280ea5810d76bfe19290203010001";

    public const string RsaSignature =
        "2cdbe97c0e962428aa97748b1d9259c80b76b5d847247b816f9ab8edb3ca5951c6fcad89a2e72149dd771c8e0456df2426bf34060b1756ba7b6d394258f28e"
        + "dddde03e21c1851765fc5043910c7aa6db01d1562a0b0497505eb66b34c754bdeecfdecd14cd998c719bf7c9ee891432ff21bee46fab1565d746e3c477137ff6"
        + "96f66ec11fb3636a00d557821f30cce80bf490efbbcf7ac2fc8749e1b8a0421b94b0218ee04878da91e6eae57ae1a5d96619529808f3d2306cf39db2eb8407f8"
        + "af67783fb05c96790c992518a6923d367b9b73fb545410a1f6eea72c3f44ab025ec7923691a0bbd01cf723e9e970504fc824a7c4dcf083e91cfb9ffb9ba9402828";

    public const string P256Spki =
        "3059301306072a8648ce3d020106082a8648ce3d030107034200043b1a3613e0c682d2151d61d04de995158cbac968ab39936a28f9edc21a73d73053356bf7bb"
        + "6b653b1f2c1ffc79d972a26f854abc23565ae6488b2b2e7d50c2d4";

    public const string P256Signature =
        "3045022038b9c0c4f73612d4ba02a9cf75ad2a7a51ebc043550beb11524d945873c5a4300221009744f0d97de50e2db54705cfbdcbcb3a68f8da5c608299632a"
        + "7943a968e0a5fe";

    public const string Secp256k1Public = "02453c67e6459bf4e8a13beb4622dc21cd1135350fd7657e7d29d990326b4532ef";

    public const string Secp256k1Signature =
        "30440220436f19f451dd7e43b26bad5f7d5e442fe6975f7060417c40af2dfe329c5f5b9302202b15a39463fe22cd5c27e6d893a632f7f88a0d0a54a42f49b666"
        + "4e89cc0cf199";
}
