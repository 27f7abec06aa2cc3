using System.Collections.Generic;
using System.Text.Json;

namespace WotId.Mailbox.Rpc;

/// <summary>One page of a paginated JSON-RPC result.</summary>
/// <param name="Data">Items.</param>
/// <param name="NextCursor">Cursor for the next page (opaque JSON), null at the end.</param>
/// <param name="HasNextPage">Whether another page exists.</param>
public sealed record IotaPage<T>(IReadOnlyList<T> Data, JsonElement? NextCursor, bool HasNextPage);
