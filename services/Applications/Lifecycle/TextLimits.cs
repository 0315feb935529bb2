namespace KiPlatform.Applications.Lifecycle;

/// <summary>How long each text of an application may be: what the contract promises, the validators check and the
/// database columns hold, from this one place.</summary>
public static class TextLimits
{
    /// <summary>A reason given with a step: why documents are requested, why it is rejected, withdrawn or signed off.</summary>
    public const int Reason = 2000;
    public const int ConceptPlan = 2000;
    public const int OrganisationalPlacement = 500;
    public const int Priority = 2000;
    public const int ContactName = 200;

    /// <summary>The longest e-mail address RFC 5321 lets through.</summary>
    public const int ContactEmail = 254;
    public const int DocumentTitle = 200;

    /// <summary>Who took a step: the subject of the caller's token.</summary>
    public const int Actor = 200;
}
