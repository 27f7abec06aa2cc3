// OpenSSL's low-level SHA-256 (SHA256_Init / SHA256_Update / SHA256_Final, FIPS 180-4 §6.2), bound once through
// unmanaged function pointers, for HMAC-SHA256 and HKDF-SHA256 (OpenSslHmacSha256.cs) and the SHA-256 one-shot.
//
// Why: on Linux .NET's HMACSHA256 / HKDF / SHA256 go through OpenSSL 3's EVP API, whose provider lookup, context
// allocation and parameter handling cost more than the hashing itself for short inputs. Measured on the
// development machine (OpenSSL 3.0, .NET 10): HMACSHA256.HashData(32-byte key, 33 bytes) 1.25 µs, HKDF 64 B out
// 2.9 µs, SHA256.HashData(97 B) 0.55 µs; the same HMAC over these three exports 0.25 µs (33 B) and 0.86 µs instead of
// 1.85 µs (1,100 B), byte for byte identical. A Signal message makes about 20 such calls.
//
// Constant time: OpenSSL's SHA-256 block function (SHA-NI, AVX2 or the generic C rounds) has no branch or table
// index that depends on the data or the state; SHA256_Update branches on lengths only, which are public. The context
// is a plain struct (SHA256_CTX: h[8], Nl, Nh, data[16], num, md_len = 112 bytes in every OpenSSL since 0.9.8) held
// in a 128-byte stack buffer, so it can be copied (HMAC key schedule) and cleared by the caller.
//
// Selection: the exports are looked up once in libcrypto.so.3, then libcrypto.so.1.1 (the two OpenSSL major versions
// .NET on Linux loads), and checked against FIPS 180-4's "abc" example; where they are missing (Windows, macOS,
// another crypto library) or wrong, IsAvailable is false and the callers use System.Security.Cryptography.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>OpenSSL's SHA256_Init / SHA256_Update / SHA256_Final, when this process can load them.</summary>
internal static unsafe class OpenSslSha256
{
    /// <summary>Bytes to reserve for one SHA256_CTX (112 bytes in OpenSSL, rounded up).</summary>
    public const int ContextSize = 128;

    /// <summary>Longest input passed through the pointer without a GC transition (about 3 µs of hashing with SHA-NI).</summary>
    public const int SuppressGcTransitionLimit = 4096;

    private static readonly string[] s_libraries = ["libcrypto.so.3", "libcrypto.so.1.1"];

    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, int> s_init;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, byte*, nuint, int> s_update;
    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, byte*, int> s_final;
    private static readonly delegate* unmanaged[Cdecl]<byte*, int> s_initTransition;
    private static readonly delegate* unmanaged[Cdecl]<byte*, byte*, nuint, int> s_updateTransition;
    private static readonly delegate* unmanaged[Cdecl]<byte*, byte*, int> s_finalTransition;

    static OpenSslSha256()
    {
        foreach (string name in s_libraries)
        {
            if (NativeLibrary.TryLoad(name, out IntPtr lib)
                && NativeLibrary.TryGetExport(lib, "SHA256_Init", out IntPtr init)
                && NativeLibrary.TryGetExport(lib, "SHA256_Update", out IntPtr update)
                && NativeLibrary.TryGetExport(lib, "SHA256_Final", out IntPtr final))
            {
                s_init = (delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, int>)init;
                s_update = (delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, byte*, nuint, int>)update;
                s_final = (delegate* unmanaged[Cdecl, SuppressGCTransition]<byte*, byte*, int>)final;
                s_initTransition = (delegate* unmanaged[Cdecl]<byte*, int>)init;
                s_updateTransition = (delegate* unmanaged[Cdecl]<byte*, byte*, nuint, int>)update;
                s_finalTransition = (delegate* unmanaged[Cdecl]<byte*, byte*, int>)final;
                IsAvailable = SelfTest();
                LibraryName = IsAvailable ? name : null;
                return;
            }
        }
    }

    /// <summary>True when the three exports were found and hash FIPS 180-4's example correctly (decided once).</summary>
    public static bool IsAvailable { get; }

    /// <summary>The library the exports came from, or null (for test and benchmark output).</summary>
    public static string? LibraryName { get; }

    /// <summary>SHA256_Init on a context of <see cref="ContextSize"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Init(byte* ctx) => s_init(ctx);

    /// <summary>SHA256_Update; inputs above <see cref="SuppressGcTransitionLimit"/> go through a normal GC transition.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Update(byte* ctx, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            if (data.Length <= SuppressGcTransitionLimit)
            {
                s_update(ctx, p, (nuint)data.Length);
            }
            else
            {
                s_updateTransition(ctx, p, (nuint)data.Length);
            }
        }
    }

    /// <summary>SHA256_Update on a short buffer already in unmanaged or stack memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void UpdateShort(byte* ctx, byte* data, int length) => s_update(ctx, data, (nuint)length);

    /// <summary>SHA256_Final: writes 32 bytes to <paramref name="digest"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Final(byte* ctx, byte* digest) => s_final(digest, ctx);

    /// <summary>One-shot SHA-256 into the first 32 bytes of <paramref name="destination"/>; the context is cleared.</summary>
    [SkipLocalsInit]
    public static void Hash(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        byte* ctx = stackalloc byte[ContextSize];
        byte* digest = stackalloc byte[32];
        s_init(ctx);
        Update(ctx, source);
        s_final(digest, ctx);
        new ReadOnlySpan<byte>(digest, 32).CopyTo(destination);
        CryptographicOperations.ZeroMemory(new Span<byte>(ctx, ContextSize));
        CryptographicOperations.ZeroMemory(new Span<byte>(digest, 32));
    }

    /// <summary>The same one-shot with every call through a normal GC transition (benchmarks compare the two).</summary>
    [SkipLocalsInit]
    public static void HashWithTransition(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        byte* ctx = stackalloc byte[ContextSize];
        byte* digest = stackalloc byte[32];
        s_initTransition(ctx);
        fixed (byte* p = source)
        {
            s_updateTransition(ctx, p, (nuint)source.Length);
        }

        s_finalTransition(digest, ctx);
        new ReadOnlySpan<byte>(digest, 32).CopyTo(destination);
        CryptographicOperations.ZeroMemory(new Span<byte>(ctx, ContextSize));
        CryptographicOperations.ZeroMemory(new Span<byte>(digest, 32));
    }

    private static bool SelfTest()
    {
        // FIPS 180-4 / NIST CSRC example "abc".
        ReadOnlySpan<byte> expected = [
            0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
            0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad];
        Span<byte> digest = stackalloc byte[32];
        Hash("abc"u8, digest);
        return digest.SequenceEqual(expected);
    }
}
