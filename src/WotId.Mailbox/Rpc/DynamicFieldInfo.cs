using WotId.Mailbox.Types;

namespace WotId.Mailbox.Rpc;

/// <summary>An entry of <c>iotax_getDynamicFields</c>; for a dynamic object field the reference is the child object.</summary>
/// <param name="NameType">Type of the field name.</param>
/// <param name="NameValue">The name value as JSON text.</param>
/// <param name="Kind"><c>DynamicObject</c> or <c>DynamicField</c>.</param>
/// <param name="ObjectType">Type of the value.</param>
/// <param name="Ref">The child object reference.</param>
public sealed record DynamicFieldInfo(string NameType, string NameValue, string Kind, string ObjectType, ObjectRef Ref);
