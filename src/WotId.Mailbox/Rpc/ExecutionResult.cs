using System.Collections.Generic;

namespace WotId.Mailbox.Rpc;

/// <summary>What the mailbox needs from an executed or dry-run transaction.</summary>
/// <param name="Digest">Transaction digest (Base58); empty for a dry run.</param>
/// <param name="Success">effects.status.status == "success".</param>
/// <param name="Error">effects.status.error when failed (for example a MoveAbort with the abort code).</param>
/// <param name="Gas">effects.gasUsed.</param>
/// <param name="Changes">objectChanges.</param>
/// <param name="Events">events.</param>
public sealed record ExecutionResult(string Digest, bool Success, string? Error, GasSummary Gas, IReadOnlyList<ObjectChange> Changes, IReadOnlyList<IotaEvent> Events);
