// Fuzz target: the Move type parser of WotId.Mailbox (TypeTag.Parse, the text form of type arguments and struct tags).
using System;
using System.Text;
using WotId.Mailbox.Transactions;

namespace WotId.Fuzz.Targets.Mailbox;

/// <summary>Only <see cref="FormatException"/> may escape; a parsed type must survive its display and canonical text and its BCS.</summary>
public sealed class TypeTagTextTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "mailbox-type-tag";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        TypeTag parsed;
        try
        {
            parsed = TypeTag.Parse(Encoding.UTF8.GetString(input));
        }
        catch (FormatException)
        {
            return;
        }

        if (!parsed.Equals(TypeTag.Parse(parsed.ToString())) || !parsed.Equals(TypeTag.Parse(parsed.ToCanonicalString()))
            || !parsed.Equals(TypeTag.FromBcs(parsed.ToBcs())))
        {
            throw new InvalidOperationException("type tag text or BCS does not round-trip");
        }
    }
}
