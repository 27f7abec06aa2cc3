// Known answers for `wotid selftest`, each with its source. Long values (ML-KEM ciphertexts) are Wycheproof
// inputs verbatim; where an output is large (ML-KEM/ML-DSA public keys, ML-DSA signatures, Falcon public key)
// the constant is the SHA-256 of the published value, computed from the vector file.
namespace WotId.Cli.Commands;

/// <summary>Known-answer constants (lowercase hex) for the crypto self-test.</summary>
internal static partial class SelftestVectors
{
    // FIPS 180-2 appendix examples ("abc") and FIPS 202 empty-input SHAKE outputs; RFC 7693 appendix A (BLAKE2b, 256-bit digest of "abc").
    public const string Sha256Abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    public const string Sha512Abc = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";
    public const string Sha3_256Abc = "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532";
    public const string Shake128Empty32 = "7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26";
    public const string Shake256Empty64 = "46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762fd75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab48640292eacb3b7c4be";
    public const string Blake2b256Abc = "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319";

    // RFC 4231 §4.3 (test case 2).
    public const string HmacKey = "4a656665";
    public const string HmacData = "7768617420646f2079612077616e7420666f72206e6f7468696e673f";
    public const string HmacTag = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    // RFC 5869 appendix A.1.
    public const string HkdfIkm = "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b";
    public const string HkdfSalt = "000102030405060708090a0b0c";
    public const string HkdfInfo = "f0f1f2f3f4f5f6f7f8f9";
    public const string HkdfOkm = "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865";

    // Wycheproof aes_cbc_pkcs5_test.json tcId 146 (256-bit key).
    public const string AesCbcKey = "612e837843ceae7f61d49625faa7e7494f9253e20cb3adcea686512b043936cd";
    public const string AesCbcIv = "9ec7b863ac845cad5e4673da21f5b6a9";
    public const string AesCbcMsg = "cc37fae15f745a2f40e2c8b192f2b38d";
    public const string AesCbcCt = "299295be47e9f5441fe83a7a811c4aeb2650333e681e69fa6b767d28a6ccf282";

    // McGrew–Viega GCM specification, test case 14 (K = 0²⁵⁶, IV = 0⁹⁶, P = 0¹²⁸): C ‖ T.
    public const string AesGcmCtTag = "cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919";

    // RFC 8439 §2.8.2 (key 80..9f, plaintext "Ladies and Gentlemen of the class of '99: ..."): C ‖ T.
    public const string ChaChaNonce = "070000004041424344454647";
    public const string ChaChaAad = "50515253c0c1c2c3c4c5c6c7";
    public const string ChaChaPlaintext = "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.";
    public const string ChaChaCtTag = "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b1a71de0a9e"
        + "060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b"
        + "61161ae10b594f09e26a7e902ecbd0600691";

    // RFC 7748 §6.1 (Alice's private key, Bob's public key, shared secret).
    public const string X25519AlicePrivate = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
    public const string X25519AlicePublic = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
    public const string X25519BobPublic = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
    public const string X25519Shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

    // RFC 8032 §7.1 TEST 1 (empty message).
    public const string Ed25519Seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    public const string Ed25519Public = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    public const string Ed25519Signature = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    // XEdDSA has no published vectors: a signature made by @signalapp/libsignal-client 0.103.0 (PrivateKey.sign) over
    // "wot.id selftest" with the private key 40 41 … 5f; its Edwards sign bit (top bit of byte 63) is set.
    public const string XEdDsaPrivate = "404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f";
    public const string XEdDsaPublic = "79a631eede1bf9c98f12032cdeadd0e7a079398fc786b88cc846ec89af85a51a";
    public const string XEdDsaMessage = "wot.id selftest";
    public const string XEdDsaSignature = "80ce848902bd452d67c078b21af393d347a96b69b3714cf8d72fbb0ae325303ebd2b83cc4bc8a4b6823e528b4cf690cc4e9e679c9972f51fdbfba6349cf4bd87";

    // Wycheproof mlkem_768_test.json and mlkem_1024_test.json tcId 2: seed d‖z, SHA-256 of ek, ciphertext c, shared K.
    public const string MLKemSeed = "7c9935a0b07694aa0c6d10e4db6b1add2fd81a25ccb148032dcd739936737f2d8626ed79d451140800e03b59b956f8210e556067407d13dc90fa9e8b872bfb8f";
    public const string MLKem768EkSha256 = "86adbca81f4fee893e2fb58fb98aa2fe188f501fed268d7f4056f8c05c4e53c4";
    public const string MLKem768K = "e7184a0975ee3470878d2d159ec83129c8aec253d4ee17b4810311d198cd0368";
    public const string MLKem1024EkSha256 = "61b95ec8c32ae85ad7a17ae5b9c2dfb083e05f767da3ba9a0a8092ea6b4cbf7a";
    public const string MLKem1024K = "489dd1e9c2be4af3482bdb35bb26ce760e6e414da6ecbe489985748a825f1cd6";

    // Kyber-1024 round 3 on the same ciphertext: SHAKE256(K ‖ SHA3-256(c), 32) (libsignal `rust/protocol/src/kem/kyber1024.rs`).
    public const string Kyber1024Round3K = "418edf6b8f8df7a288e968af32f98b80611dc611c9011690eaa7b58777f551a0";

    // Wycheproof mldsa_{44,65,87}_sign_seed_test.json tcId 1 ("baseline", deterministic, empty context):
    // seed 2a×32, message "Hello world"; SHA-256 of the public key and of the signature.
    public const string MLDsaSeed = "2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a";
    public const string MLDsaMessage = "48656c6c6f20776f726c64";
    public const string MLDsa44PkSha256 = "d87f8ca136ac1aa55e2d6c4521680efb3a378cbb9bc0bfb446e9c60893931ea3";
    public const string MLDsa44SigSha256 = "8cd6fc03daa72e87210a4e721523e84c14f27733789075e65736744d4787fdd5";
    public const string MLDsa65PkSha256 = "b7acce2ddb11f8cc1aa46e2bafac6eacfa2b732ef192bd636ad8d3a56d649c66";
    public const string MLDsa65SigSha256 = "39fbbb0d97a52c79844213b325af823a7f16a174e00a5b3daeb3e6e6d1c89681";
    public const string MLDsa87PkSha256 = "d43128fa8a8c785c1d44c9e7db538dbf9dd88fe6c8ad911a344bcec1017c6d54";
    public const string MLDsa87SigSha256 = "1ad45bd0419e694375bd38ec11d8e0c228ab9ffac2fce4adbe6218d9c949e293";

    // Falcon-512 has no Wycheproof file: SHA-256 of the 897-byte public key that @noble/post-quantum 0.7.1
    // falcon512.keygen derives from the seed 00 01 … 2f (signatures are randomised: sign/verify round trip).
    public const string Falcon512PkSha256 = "9cdd6a6a5de47ccc6e7433b511bcd14337e1836abf91eda94eca53607ce61626";

    /// <summary>Wycheproof mlkem_768_test.json tcId 2, ciphertext c (1088 bytes).</summary>
    public const string MLKem768Ciphertext = "c8391085b8d3ea9794212541b2914f08964d33521d3f67ad66096ebfb1f706424b49558f755b5625bae236f2e0079601c766f7d960808f7e2bb0c7a5"
        + "e066ed346de628f8c57eebabbb0c22d911548463693ef3ce52a53f7ff415f00e657ae1c5a48fa5ec6e4be5cf462daffc84d2f6d5ff55dc9bbe8bb0d7"
        + "25ec64fd4cd4bd8dba0a844e8b5ce4b6a28934d7f7a050991fe185b506b451dabfad52d52cb2114ca7d9a5cf986c8fdc1bc10ec0c1869e50c03c55a7"
        + "6192a1049aca636ba9020bdaa8d0f58c763b0b89845ca06d4c4ddc21433e16b9c62e44871fdbc05ba218af871fdd7dcfa464e60faa5265264ce1391b"
        + "d9a8c5faa7626d5f159b9805b975710a3503a0b858a11c6a647cc0e19ac88b1be9056c95b4d2087d0951d1d2f4992491117e6347794ba54571ec49bb"
        + "a71af3413d38a30bf5872248d1f6d07c86baf782e73d2637f043d341a00921857d8b21ddf3e1d6310036ed27af49e5de1b900fe4de79808ff29f9570"
        + "859612b15adc01fbb265b305b1e3a12ae419da5b74261fa284c101da3d8dca8b2e4521aca571ef44a058e844ff32b16d5aaea05f7f3af8e2ab16222e"
        + "347662eddfb891d0ecc2a55c5638f9dde92d9a3d544a5f901ac501acd1ea6a010201fcb10ad702c425a94bdf5890d500a2a147eee1d1fcba8c3abe7c"
        + "2dfe70f346f033d816a0b2791b4f0b2d956d9ee5971715399a5688302495e2e07c1c8c01527184bcd0c208bc159f2e13318c0bb3dd24a6a7fc849f83"
        + "385ed4dba07fe1d7bd5640cc9ed5ccfdd68763cb0d0edf61b292177fc1d2d3c11dd0495056bcb12558aebcfddef9feb4aebc57afd9023c65cfe65a24"
        + "e33f1b00111e92e63e011eaf0b212cf95743cd07f5189ece1f205b7f6fcb2e6b1961b5404cebe47c8cd13b8599d5b49e6d87eeda36e9b8fc4c006358"
        + "96aa2b75896e336d1b612ee13db811e1f07e61748d920f4865f3f11741399dc6162c91ca168a02329dff821d58198712dd558abb099b3a0baf9da1b7"
        + "30b2aa73bcf58d74f357b06f7211c804b6c8af16ff3509fad1d35b14bfdced7db8a6a25c48e5956480724daa057cd660b67ee3e472574182679d4858"
        + "38a6476eac02141075c812af7967ba7c9185cc2abd2a4545b80f3d3104d58d654a57792dcfabbe9c0715e8de2ef81ef404c8168fd7a43efab3d448e6"
        + "86a088efd26a26159948926723d7eccc39e3c1b719cf8becb7be7e964f22cd8cb1b7e25e800ea97d60a64cc0bbd9cb407a3ab9f88f5e29169eeafd4e"
        + "0322fde6590ae093ce8feeae98b622caa7556ff426c9e7a404ce69355830a7a67767a76c7d9a97b84bfcf50a02f75c235d2f9c671138049ffc7c8055"
        + "926c03eb3fb87f9695185a42eca9a41655873d30a6b3bf428b246223484a8ff61ee3eeafff10e99c2c13a76284d063e56ab711a35a85b5383df81da2"
        + "3490f66e8ea3fcba067f5530c6541c2b8f74717c35023e7b9b3956c3ee2ff84ba03ccf4b4b5321b9240895481bc6d63c1693c1847852f8e97f50a133"
        + "532ac3ee1e52d464";

    /// <summary>Wycheproof mlkem_1024_test.json tcId 2, ciphertext c (1568 bytes).</summary>
    public const string MLKem1024Ciphertext = "c9bead6b0c1114389bd4761c73ab9095b5809daac9f659bb564af226173052a4a3e7f2e5fd47d2b02aaeb5189e06b9f4ae98b619cb63efbdf3989a94"
        + "b36e8ea0d700633b950a0ae2a78ed92e85c85c70e13e626fb263fac9681521c3ab22fdab29173c9616a2b037083ff7b2e019b5bcde068fac257ef8f1"
        + "2798411693c1bdcc65420997a513a8a69502620be8e4ce7362e412a76cf51c1f2433f1ab64ce0e5d2f56d7c9ade994d0e35d0aeef3ac515b48243766"
        + "4d8c1d25e5a5507cf80f970d3ea7226aacdc457cbf88a0560aa35bb2c5c455867e2159910a35810befe3aa10eb04d8d57147cb8f66d2b070bac43d1f"
        + "1ffdd57a9399951f64965727bcb9f66ad42309dafc799c1c540af1af93eff68a86d61f5115db662dee7ac9a362677762b6a164a0fa0a4d859e4b8c8d"
        + "bdb4e183f5e6808fc52229650caf7cf3e16de3d895d148c35448ab8c2753c9831b24bd4921497eaa192565cabfd83c0c68dfe7d392abf5e5e6f84bb9"
        + "f5af4b7118c0b558105f9c10c9b6d70682e1de6e0689d7106a6374bd34aed7229e6cb356f2ea65e680ce7b1e2c3704e116a38542826e8a001141baf2"
        + "e34de37a03040986d4c0cd5d57f0701ce930986fd9525b58e2e59f45b8dd04c0f35b0f47970cc67079618eb9e6d91e9b0f8c6d2e165cf448a2c1ebf7"
        + "1b6537e0f375185dfafef698b6239bb35580b315bcb5ed408c357f192def89bc1b75cdd6aae8b5faf0c3e13803f6bdfa76fb407fcbda790c329b3ee4"
        + "2fd3d3b03bd5003f0bc432f7ba39631112452dfd12140433ff8980eb6a526ba85ef99477378b4dc76635a5cd5040e43b8c1fe4ee5e158e423bfc0c89"
        + "3c1d5613bed08da719c9073184eeb36fd357380fb1873d8cbd36e2255e985b1b76819743a6584a9b3a580996c9c2eed9bbbfff78a6204b5e5eeae5f4"
        + "efd2660078b37f0754ab5da862e666b145b5f23f3d0977799929dfa2aedda53d152eda1d0d0e4ea43f6ed889bb965eefe0a7c685bb36770eaa874242"
        + "c0e229cf6ce56defa5aeae64d0c40dda8aa26eaeb31458f070a3bc72e1619ee9b5f642291c56df5b7e43db6c802fc74f4f3f9b5c0d355c3aae520aa3"
        + "1229d12f3e7cc5d48e691191a36b283765f4133f0ff1fe2f01c6648b2798a74eb5d842a248f524a7e7f8974211297b44f0dd19f386e86be6ba782de7"
        + "7fde887226f37a1c77bc5eddeee5bf46b67fb7478d559865f262caa84d64a8ce59e4df0818e14861526acd3483600f3dae7959d35d8181ca6a81ce79"
        + "1be00752da7759446a2cfbe00b8248b93491debd520220b755416d2fc6b7c8af2ff75e5bcbb8e7537380a5721c77484957a69271d8bafce0f166735f"
        + "f869232de5d381afbf0e44d69172b79a35191949de09703b94222b13c385c6081e6d2ede1e57fe184ef8f60196b9a3a7b7eff7497191ca8741b5a01e"
        + "79cb69a61142e6f5d080fbb3e566f79e146f75c8a1097860841b4747df604dba954e4a8d9e0dccc1f609d05cf8d31219ecd60c312de684552f09227c"
        + "b829291c645732c5f5d4d711639f42a23080aa34fe1420f219bd6bcf4e3b29b9d02293b2da81383e0a51d2bb186c7b0a211a0cd63acbfc0210401e98"
        + "5d436b3803d5601c24136afd1562522e45b457cb439178be4a87cce40346d34ae0f3c39103c8a3ebc9c86c8db8fc5561eb0f3a143d4e9fe93a5cba6f"
        + "6fcae5650d3f43d2668a5956c922893b816647ded0afc052a6c3d9d01a3d3af0f1ba807ff10491e131dc15e165cfd0650a1f2c313d7956141edcc61c"
        + "b90e9e7abf2fe35fc9dc1bde88939fa11f7bbe3eb4d8ffa643b074d74f45113586e9bb12060003d71941f2da098dc0e96cad3255cf328ea2d3308c1f"
        + "4585e89c613c426b7e798e1ec4e98fe6c71e7491f5eca0cd05115861bd160e3fe73a58a026ba538e0e256b92f1d7a2497570594856860ffd06b601ac"
        + "575592f4ac612b5de7866042123ebc60c55768e3a7600a3260551f2bea22bbf6b6c8246e80f9125c4bb9db354dd64ae695c15f5071f4abb9639207ca"
        + "c7331b310f69a05f54b995de529a023f033b055db95287a14ba30a7cc526bb724c417fba290636a996f286e3e9e939e4fe1c398b5c6599959d0b4445"
        + "a327ec469a1653cfaea7552cecec085ccaa68938ae4ac3c424f7e480439ebd2c992b5f6f95ec244b657dbdeaa9ae110aaf4d68bf4e27410d43ceef3e"
        + "88e9c717dd44c9ee";
}
