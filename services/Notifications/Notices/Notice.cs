namespace KiPlatform.Notifications.Notices;

/// <summary>
/// What one event tells one recipient: the template that words it, the values it fills in, the municipality it is about
/// (its official name is looked up and filled in as <c>municipality</c>) and the resource it concerns.
/// </summary>
/// <param name="RecipientId">The inbox: <c>laki</c>, <c>mais</c>, <c>msw</c>, <c>admin</c> or <c>municipality-{ags}</c>.</param>
/// <param name="Template">The template's name in <c>Notices/Templates/</c>, without <c>.liquid</c>.</param>
/// <param name="Values">Strings, numbers (amounts in cents for the <c>euro</c> filter) and ISO dates (for <c>datum</c>).</param>
/// <param name="MailsNotice">Whether its mail carries the PDF notice of <paramref name="SubjectResource"/>, a grant, fetched from Funding.</param>
public sealed record Notice(string RecipientId, string Template, string? Ags, IReadOnlyDictionary<string, object> Values, string SubjectResource, bool MailsNotice = false);
