// An SVG image of one QR code (docs/node.md "Invitations", "QR codes"; ISO/IEC 18004 via QRCoder): one path of unit
// squares for the dark modules on a white square, the quiet zone included, so the page shows the invitation's codes
// without a JavaScript QR library.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using QRCoder;

namespace WotId.Node.Control.Web;

/// <summary>Renders QR code texts as SVG.</summary>
internal static class QrSvg
{
    /// <summary>The SVG of <paramref name="text"/> (error correction L, as the terminal codes).</summary>
    /// <exception cref="ArgumentException">The text does not fit one QR code.</exception>
    public static string Render(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using QRCodeData data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.L);
            return Render(data.ModuleMatrix);
        }
        catch (QRCoder.Exceptions.DataTooLongException e)
        {
            throw new ArgumentException("the text does not fit one QR code", nameof(text), e);
        }
    }

    internal static string Render(List<BitArray> matrix)
    {
        int size = matrix.Count;
        StringBuilder svg = new(size * size);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (int y = 0; y < size; y++)
        {
            BitArray row = matrix[y];
            int x = 0;
            while (x < size)
            {
                if (!row[x])
                {
                    x++;
                    continue;
                }

                int start = x;
                while (x < size && row[x])
                {
                    x++;
                }

                svg.Append(CultureInfo.InvariantCulture, $"M{start} {y}h{x - start}v1h{start - x}z");
            }
        }

        svg.Append("\"/></svg>");
        return svg.ToString();
    }
}
