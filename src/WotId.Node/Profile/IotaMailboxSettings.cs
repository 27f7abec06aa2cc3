// The profile's mailbox on the IOTA chain (docs/mailbox.md "The IOTA mailbox in the node"): a shared Mailbox object
// of the wotid_mailbox Move package, owned (through its MailboxOwnerCap) by the profile's mailbox account key.
using System;
using WotId.Mailbox;
using WotId.Mailbox.Types;

namespace WotId.Node.Profile;

/// <summary>Which IOTA node the profile talks to, which package, and which mailbox.</summary>
/// <param name="Rpc">The JSON-RPC endpoint of an IOTA full node (http or https).</param>
/// <param name="Package">The published <c>wotid_mailbox</c> package id.</param>
/// <param name="Handle">The Mailbox object and the cap held by the profile's mailbox account.</param>
public sealed record IotaMailboxSettings(Uri Rpc, IotaAddress Package, MailboxHandle Handle);
