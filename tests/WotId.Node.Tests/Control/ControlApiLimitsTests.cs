// The control API's text bound is the wot.id chat.text bound: a text the API accepts is a valid chat.text payload,
// one code unit more is refused by the message schema too.
using System.Collections.Generic;
using WotId.Node.Control;
using WotId.Tsp.Messages;

namespace WotId.Node.Tests.Control;

public sealed class ControlApiLimitsTests
{
    [Fact]
    public void TextBoundIsTheChatTextBound()
    {
        WotMessage longest = WotMessage.Create(WotMessageTypes.ChatText, new Dictionary<string, string> { ["content"] = new('x', ControlApiLimits.MaxTextLength) });
        Assert.Equal(WotMessageTypes.ChatText, longest.Type);
        Assert.Throws<WotMessageException>(() =>
            WotMessage.Create(WotMessageTypes.ChatText, new Dictionary<string, string> { ["content"] = new('x', ControlApiLimits.MaxTextLength + 1) }));
    }

    [Fact]
    public void LongestTextFitsTheBodyLimitInTheWorstEscaping() =>
        Assert.True(ControlApiLimits.MaxTextLength * 6 + 1024 <= ControlApiLimits.MaxRequestBodyBytes);
}
