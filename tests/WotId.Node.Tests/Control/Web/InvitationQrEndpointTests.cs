// GET /v1/invitation/qr: the invitation's QR code texts (InvitationQr.Split) and one SVG per text; each SVG, read
// back into modules, decodes with an independent decoder (ZXing) to exactly its text.
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using WotId.Node.Invitations;
using WotId.Node.Tests.Invitations;

namespace WotId.Node.Tests.Control.Web;

public sealed partial class InvitationQrEndpointTests
{
    [Fact]
    public async Task EverySvgDecodesToItsPartAndThePartsToTheInvitation()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        string uri = InvitationCodec.Encode(InvitationFixture.Full(), InvitationFixture.Key);
        h.Node.Invitation = uri;
        using HttpClient raw = h.RawClient(withToken: true);
        using HttpResponseMessage response = await raw.GetAsync("v1/invitation/qr", ControlApiHarness.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ControlApiHarness.Ct));
        Assert.Equal(uri, json.RootElement.GetProperty("uri").GetString());
        string[] parts = [.. json.RootElement.GetProperty("parts").EnumerateArray().Select(p => p.GetString()!)];
        string[] svgs = [.. json.RootElement.GetProperty("svgs").EnumerateArray().Select(p => p.GetString()!)];
        Assert.Equal(InvitationQr.Split(uri), parts);
        Assert.Equal(parts.Length, svgs.Length);
        for (int i = 0; i < parts.Length; i++)
        {
            Assert.Equal(parts[i], QrDecoding.Decode(Modules(svgs[i])));
        }
    }

    [Fact]
    public async Task AnInvitationThatIsNotOneIsAFailureNotACrash()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: true);
        using HttpResponseMessage response = await raw.GetAsync("v1/invitation/qr", ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.InternalServerError, "failed");
    }

    /// <summary>The dark modules of an SVG made of "M x y h w v1 h -w z" runs.</summary>
    private static bool[,] Modules(string svg)
    {
        int size = int.Parse(ViewBox().Match(svg).Groups[1].Value, CultureInfo.InvariantCulture);
        bool[,] dark = new bool[size, size];
        foreach (Match run in Run().Matches(svg))
        {
            int x = int.Parse(run.Groups[1].Value, CultureInfo.InvariantCulture);
            int y = int.Parse(run.Groups[2].Value, CultureInfo.InvariantCulture);
            int w = int.Parse(run.Groups[3].Value, CultureInfo.InvariantCulture);
            for (int i = 0; i < w; i++)
            {
                dark[y, x + i] = true;
            }
        }

        return dark;
    }

    [GeneratedRegex("viewBox=\"0 0 (\\d+) \\d+\"")]
    private static partial Regex ViewBox();

    [GeneratedRegex("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z")]
    private static partial Regex Run();
}
