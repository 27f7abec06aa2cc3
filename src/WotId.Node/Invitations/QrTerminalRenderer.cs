// Renders a QR module matrix to text with Unicode half blocks: each text line carries two module rows
// (U+2580 upper half, U+2584 lower half, U+2588 full block, space). The matrix from QRCoder already has the
// 4-module quiet zone of ISO/IEC 18004 §9.1; an odd last row is paired with one more quiet row.
// By default the light modules are drawn (the glyphs are lit), which reads as a proper dark-on-light code on a
// terminal with a dark background; darkModulesDrawn = true suits light backgrounds.
using System.Collections;
using System.Collections.Generic;
using System.Text;

namespace WotId.Node.Invitations;

/// <summary>Half-block text rendering of a QR module matrix.</summary>
internal static class QrTerminalRenderer
{
    public const char Upper = '\u2580';
    public const char Lower = '\u2584';
    public const char Full = '\u2588';

    /// <summary>Text of <paramref name="modules"/> (true = dark), one line per two module rows, lines ended by '\n'.</summary>
    public static string Render(IReadOnlyList<BitArray> modules, bool darkModulesDrawn)
    {
        int size = modules.Count;
        var sb = new StringBuilder(((size + 1) / 2) * (size + 1));
        for (int row = 0; row < size; row += 2)
        {
            for (int col = 0; col < size; col++)
            {
                bool top = modules[row][col] == darkModulesDrawn;
                // The row after an odd last one is quiet zone: light.
                bool bottom = row + 1 < size ? modules[row + 1][col] == darkModulesDrawn : !darkModulesDrawn;
                sb.Append((top, bottom) switch
                {
                    (true, true) => Full,
                    (true, false) => Upper,
                    (false, true) => Lower,
                    _ => ' ',
                });
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
