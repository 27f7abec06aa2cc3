// CONSTRUCTED FIXTURES, not recorded from a live node. They follow the JSON-RPC shape an IOTA node returns for
// iota_getObject with showContent (IotaObjectData with a "moveObject" content whose nested structs are
// {"type","fields"}, u64 as decimal strings, vector<u8> as a number array, Option<T> as the value or null), for
// the Move type iota_identity::identity::Identity { id, did_doc: Multicontroller<Option<vector<u8>>>, legacy_id,
// created, updated, version, deleted, deleted_did } and multicontroller::Multicontroller { controlled_value,
// controllers: VecMap<ID,u64>, controllers_that_can_delegate, threshold, active_proposals, proposals: Bag }, as
// read by identity.rs (identity_iota_core rebased/migration/identity.rs unpack_identity_data, multicontroller.rs).
// @iota/identity-wasm 1.9.7-beta.1 resolves DIDs from exactly these answers (tests check that).
using System.Globalization;
using System.Text.Json.Nodes;

namespace WotId.Testing.Iota;

/// <summary>Builders for constructed IOTA JSON-RPC answers about Identity objects.</summary>
public static class IotaIdentityFixtures
{
    /// <summary>A placeholder identity package ID for fixtures.</summary>
    public const string PackageId = "0x1111111111111111111111111111111111111111111111111111111111111111";

    /// <summary>The chain identifier mainnet reports (identity-wasm names that network <c>iota</c>).</summary>
    public const string MainnetChainId = "6364aad5";

    /// <summary>The <c>result</c> of <c>iota_getObject</c> for an Identity object; null <paramref name="packed"/> = deactivated.</summary>
    public static JsonObject IdentityObject(string objectId, byte[]? packed, ulong createdMs, ulong updatedMs, string packageId = PackageId, string module = "identity", string name = "Identity")
    {
        JsonNode? value = null;
        if (packed is not null)
        {
            var bytes = new JsonArray();
            foreach (byte b in packed)
            {
                bytes.Add(b);
            }

            value = bytes;
        }

        var fields = new JsonObject
        {
            ["id"] = new JsonObject { ["id"] = objectId },
            ["did_doc"] = new JsonObject
            {
                ["type"] = $"{packageId}::multicontroller::Multicontroller<0x1::option::Option<vector<u8>>>",
                ["fields"] = new JsonObject
                {
                    ["controlled_value"] = value,
                    ["controllers"] = VecMap(("0x" + new string('c', 64), "1")),
                    ["controllers_that_can_delegate"] = VecMap(),
                    ["threshold"] = "1",
                    ["active_proposals"] = new JsonArray(),
                    ["proposals"] = new JsonObject
                    {
                        ["type"] = "0x2::bag::Bag",
                        ["fields"] = new JsonObject { ["id"] = new JsonObject { ["id"] = "0x" + new string('d', 64) }, ["size"] = "0" },
                    },
                },
            },
            ["legacy_id"] = null,
            ["created"] = createdMs.ToString(CultureInfo.InvariantCulture),
            ["updated"] = updatedMs.ToString(CultureInfo.InvariantCulture),
            ["version"] = "1",
            ["deleted"] = false,
            ["deleted_did"] = false,
        };
        string type = $"{packageId}::{module}::{name}";
        return new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["objectId"] = objectId,
                ["version"] = "7",
                ["digest"] = "11111111111111111111111111111111",
                ["type"] = type,
                ["content"] = new JsonObject { ["dataType"] = "moveObject", ["type"] = type, ["hasPublicTransfer"] = false, ["fields"] = fields },
            },
        };
    }

    /// <summary>The <c>result</c> of <c>iota_getObject</c> for an object that does not exist.</summary>
    public static JsonObject MissingObject(string objectId) =>
        new() { ["error"] = new JsonObject { ["code"] = "notExists", ["object_id"] = objectId } };

    private static JsonObject VecMap(params (string Key, string Value)[] entries)
    {
        var contents = new JsonArray();
        foreach ((string key, string value) in entries)
        {
            contents.Add(new JsonObject
            {
                ["type"] = "0x2::vec_map::Entry<0x2::object::ID, u64>",
                ["fields"] = new JsonObject { ["key"] = key, ["value"] = value },
            });
        }

        return new JsonObject { ["type"] = "0x2::vec_map::VecMap<0x2::object::ID, u64>", ["fields"] = new JsonObject { ["contents"] = contents } };
    }
}
