using WotId.Identity.Credentials;

namespace WotId.Identity.Verification;

/// <summary>The verdict: valid, or the failure and a detail message (no secrets in it).</summary>
public sealed class VerificationResult
{
    private VerificationResult(VerificationFailure failure, string detail, Credential? credential, Presentation? presentation)
    {
        Failure = failure;
        Detail = detail;
        Credential = credential;
        Presentation = presentation;
    }

    /// <summary>True when accepted.</summary>
    public bool IsValid => Failure == VerificationFailure.None;

    /// <summary>The failure reason (<see cref="VerificationFailure.None"/> when valid).</summary>
    public VerificationFailure Failure { get; }

    /// <summary>A human-readable detail.</summary>
    public string Detail { get; }

    /// <summary>The (last) credential examined, when it could be parsed.</summary>
    public Credential? Credential { get; }

    /// <summary>The presentation, when verifying one that could be parsed.</summary>
    public Presentation? Presentation { get; }

    internal static VerificationResult Valid(Credential? credential, Presentation? presentation) =>
        new(VerificationFailure.None, "valid", credential, presentation);

    internal static VerificationResult Fail(VerificationFailure failure, string detail, Credential? credential = null, Presentation? presentation = null) =>
        new(failure, detail, credential, presentation);

    internal VerificationResult With(Presentation presentation, string prefix) =>
        new(Failure, prefix + Detail, Credential, presentation);

    /// <inheritdoc />
    public override string ToString() => IsValid ? "valid" : $"{Failure}: {Detail}";
}
