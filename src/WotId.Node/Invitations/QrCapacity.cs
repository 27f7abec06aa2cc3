// Alphanumeric-mode capacity of QR codes at error-correction level L, versions 1..40 (ISO/IEC 18004:2015
// Table 7). Level L is enough on a screen, which is neither dirty nor torn; it keeps the codes smallest.
// Checked against QRCoder's own version choice in tests (QrCapacityTests).
using System;

namespace WotId.Node.Invitations;

/// <summary>How many alphanumeric characters fit a QR code of a given version at level L.</summary>
internal static class QrCapacity
{
    public const int MaxVersion = 40;

    private static readonly int[] s_alphanumericL =
    [
        25, 47, 77, 114, 154, 195, 224, 279, 335, 395,
        468, 535, 619, 667, 758, 854, 938, 1046, 1153, 1249,
        1352, 1460, 1588, 1704, 1853, 1990, 2132, 2223, 2369, 2520,
        2677, 2840, 3009, 3183, 3351, 3537, 3729, 3927, 4087, 4296,
    ];

    public static int Alphanumeric(int version) =>
        version is >= 1 and <= MaxVersion
            ? s_alphanumericL[version - 1]
            : throw new ArgumentOutOfRangeException(nameof(version), "QR versions are 1..40");
}
