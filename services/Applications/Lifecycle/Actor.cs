namespace KiPlatform.Applications.Lifecycle;

/// <summary>Who takes a step: the token's subject and the role it acted in.</summary>
public sealed record Actor(string Subject, string Role);
