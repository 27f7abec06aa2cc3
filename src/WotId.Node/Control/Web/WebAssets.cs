// The web page's static files (docs/node.md "Chat in the browser"): index.html, app.css, app.js and files.js,
// embedded in the assembly at build time (nothing is fetched from elsewhere at run time) and served as they are,
// never cached.
using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WotId.Node.Control.Web;

/// <summary>The embedded files and their routes.</summary>
internal static class WebAssets
{
    private const string ResourcePrefix = "wotid-web/";

    private static readonly FrozenDictionary<string, (string Resource, string ContentType)> s_routes = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["/"] = ("index.html", "text/html; charset=utf-8"),
        ["/app.css"] = ("app.css", "text/css; charset=utf-8"),
        ["/app.js"] = ("app.js", "text/javascript; charset=utf-8"),
        ["/files.js"] = ("files.js", "text/javascript; charset=utf-8"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether the request is a GET or HEAD of one of the files.</summary>
    public static bool Serves(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && s_routes.ContainsKey(request.Path.Value ?? string.Empty);

    /// <summary>The content of an embedded file.</summary>
    public static byte[] Read(string name)
    {
        using Stream stream = typeof(WebAssets).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException("the web asset " + name + " is not embedded");
        using MemoryStream copy = new();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static void Map(IEndpointRouteBuilder routes)
    {
        foreach ((string path, (string resource, string contentType)) in s_routes)
        {
            byte[] content = Read(resource);
            routes.MapGet(path, IResult (HttpContext context) =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    return Results.Bytes(content, contentType);
                })
                .ExcludeFromDescription();
        }
    }
}
