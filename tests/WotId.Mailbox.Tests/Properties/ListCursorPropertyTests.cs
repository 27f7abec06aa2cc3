// CsCheck properties of the listing cursors: any string handed back by a caller either is a cursor the
// implementation issued or fails with ArgumentException (ParamName "cursor"); formatted cursors round-trip.
using System;
using System.Text.Json;
using CsCheck;
using WotId.Mailbox.Chain;
using WotId.Mailbox.Tests.Behaviour;

namespace WotId.Mailbox.Tests.Properties;

public sealed class ListCursorPropertyTests
{
    private static readonly Gen<string> s_cursorish = Gen.OneOf(
        Gen.String,
        Gen.String.Select(s => "p" + s),
        Gen.String.Select(s => "a" + s),
        Gen.Long.Select(n => "a" + n),
        Gen.Char["pa"].Select(Gen.String[0, 600], (c, s) => c + s));

    [Fact]
    public void ChainCursorsFromAnyStringParseOrFailWithArgumentException() =>
        s_cursorish.Sample(cursor =>
        {
            try
            {
                (bool archived, JsonElement? node) = ListCursor.Parse(cursor);
                Assert.Equal(archived, ListCursor.Parse(ListCursor.Format(archived, node)).Archived);
            }
            catch (ArgumentException ex)
            {
                Assert.Equal("cursor", ex.ParamName);
            }
        });

    [Fact]
    public void EmbeddedCursorsFromAnyStringPageOrFailWithArgumentException()
    {
        using var f = new EmbeddedFixture();
        MailboxHandle h = f.Owner.Create([], 100);
        f.Sender.Send(h.MailboxId, [1]);
        s_cursorish.Sample(cursor =>
        {
            try
            {
                MessagePage page = f.Owner.ListPage(h.MailboxId, cursor, 10);
                Assert.InRange(page.Messages.Count, 0, 1);
            }
            catch (ArgumentException ex)
            {
                Assert.Equal("cursor", ex.ParamName);
            }
        }, iter: 300);
    }

    [Fact]
    public void AFormattedNodeCursorRoundTrips()
    {
        using JsonDocument d = JsonDocument.Parse("""{"txDigest":"abc","eventSeq":"7"}""");
        string cursor = ListCursor.Format(true, d.RootElement);
        (bool archived, JsonElement? node) = ListCursor.Parse(cursor);
        Assert.True(archived);
        Assert.Equal(d.RootElement.GetRawText(), node!.Value.GetRawText());
        Assert.Throws<ArgumentException>(() => ListCursor.Parse("a" + new string('1', 600)));
    }
}
