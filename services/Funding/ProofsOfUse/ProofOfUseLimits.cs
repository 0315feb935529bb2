namespace KiPlatform.Funding.ProofsOfUse;

/// <summary>The limits of a proof of use, shared by the request validators and the database model.</summary>
public static class ProofOfUseLimits
{
    public const int NarrativeMaxLength = 20_000;
    public const int DocumentTitleMaxLength = 300;
}
