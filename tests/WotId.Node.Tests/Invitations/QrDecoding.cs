using System;
using System.Collections.Generic;
using System.Linq;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace WotId.Node.Tests.Invitations;

/// <summary>
/// Reads a half-block QR rendering back: text → module matrix → 8-bit grey bitmap → ZXing.Net's QR decoder (an
/// implementation nobody here wrote).
/// </summary>
internal static class QrDecoding
{
    private const int Scale = 4;

    public static bool[,] Modules(string rendered, bool darkModulesDrawn)
    {
        string[] lines = rendered.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int width = lines[0].Length;
        Assert.All(lines, l => Assert.Equal(width, l.Length));
        var dark = new bool[lines.Length * 2, width];
        for (int line = 0; line < lines.Length; line++)
        {
            for (int col = 0; col < width; col++)
            {
                (bool top, bool bottom) = lines[line][col] switch
                {
                    '\u2588' => (true, true),
                    '\u2580' => (true, false),
                    '\u2584' => (false, true),
                    ' ' => (false, false),
                    char c => throw new InvalidOperationException("unexpected glyph U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)),
                };
                dark[2 * line, col] = top == darkModulesDrawn;
                dark[(2 * line) + 1, col] = bottom == darkModulesDrawn;
            }
        }

        return dark;
    }

    public static string Decode(string rendered, bool darkModulesDrawn) => Decode(Modules(rendered, darkModulesDrawn));

    /// <summary>Decodes a module matrix (true = dark, quiet zone included) with ZXing.</summary>
    public static string Decode(bool[,] modules)
    {
        int rows = modules.GetLength(0), cols = modules.GetLength(1);
        int w = cols * Scale, h = rows * Scale;
        var pixels = new byte[w * h];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                pixels[(y * w) + x] = modules[y / Scale, x / Scale] ? (byte)0 : (byte)255;
            }
        }

        var source = new RGBLuminanceSource(pixels, w, h, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true, [DecodeHintType.TRY_HARDER] = true };
        Result? result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
        Assert.NotNull(result);
        return result.Text;
    }

    public static int Version(string rendered) => (Modules(rendered, darkModulesDrawn: false).GetLength(1) - 8 - 17) / 4;

    public static T[] Shuffled<T>(IEnumerable<T> items, int seed)
    {
        T[] a = items.ToArray();
        new Random(seed).Shuffle(a);
        return a;
    }
}
