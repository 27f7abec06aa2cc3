// Whether the control API server also serves the web page (ControlApiOptions.Web), and its browser session.
namespace WotId.Node.Control.Web;

/// <summary>The web page switch of one server run.</summary>
/// <param name="Enabled">True when the page and the cookie sign-in are served.</param>
/// <param name="Session">The one-time token and session of this run (unused when disabled).</param>
internal sealed record WebAccess(bool Enabled, WebSession Session);
