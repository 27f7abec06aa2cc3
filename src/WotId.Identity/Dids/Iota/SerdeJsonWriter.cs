// Compact JSON written the way serde_json's compact formatter writes it, so packed documents match IOTA
// Identity byte for byte: no whitespace; strings escape only '"', '\\' and U+0000–U+001F (\b \f \n \r \t,
// others as \u00xx with lower-case hex); everything else is raw UTF-8. Numbers are copied as written
// (serde_json would re-print non-integers in its own shortest form; documents rarely carry any).
using System.Text;
using System.Text.Json;

namespace WotId.Identity.Dids.Iota;

/// <summary>Appends serde_json-compatible compact JSON to a <see cref="StringBuilder"/>.</summary>
internal sealed class SerdeJsonWriter
{
    private const string HexDigits = "0123456789abcdef";
    private readonly StringBuilder _out = new();

    public void Raw(char c) => _out.Append(c);

    public void Raw(string s) => _out.Append(s);

    public void String(string value)
    {
        _out.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': _out.Append("\\\""); break;
                case '\\': _out.Append("\\\\"); break;
                case '\b': _out.Append("\\b"); break;
                case '\f': _out.Append("\\f"); break;
                case '\n': _out.Append("\\n"); break;
                case '\r': _out.Append("\\r"); break;
                case '\t': _out.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        _out.Append("\\u00").Append(HexDigits[c >> 4]).Append(HexDigits[c & 0xF]);
                    }
                    else
                    {
                        _out.Append(c);
                    }

                    break;
            }
        }

        _out.Append('"');
    }

    public void Name(string name)
    {
        String(name);
        _out.Append(':');
    }

    /// <summary>Writes any JSON value with its members in their input order (serde_json preserve_order).</summary>
    public void Value(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                _out.Append('{');
                bool first = true;
                foreach (JsonProperty p in value.EnumerateObject())
                {
                    Comma(ref first);
                    Name(p.Name);
                    Value(p.Value);
                }

                _out.Append('}');
                break;
            case JsonValueKind.Array:
                _out.Append('[');
                bool firstItem = true;
                foreach (JsonElement e in value.EnumerateArray())
                {
                    Comma(ref firstItem);
                    Value(e);
                }

                _out.Append(']');
                break;
            case JsonValueKind.String:
                String(value.GetString()!);
                break;
            default:
                _out.Append(value.GetRawText());
                break;
        }
    }

    public void Comma(ref bool first)
    {
        if (!first)
        {
            _out.Append(',');
        }

        first = false;
    }

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(_out.ToString());

    public override string ToString() => _out.ToString();
}
