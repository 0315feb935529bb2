namespace KiPlatform.AppHost.Infrastructure.Local;

/// <summary>
/// PostgreSQL refuses to run as root. When the AppHost runs as root (CI, containers), such a server is started
/// through setpriv as the service account its Debian package created.
/// </summary>
internal static class Privileges
{
    public const string PostgresAccount = "postgres";
    private const string SetPriv = "/usr/bin/setpriv";

    public static bool RunningAsRoot => Environment.IsPrivilegedProcess;

    public static string Command(bool asRoot, string command) => asRoot ? SetPriv : command;

    public static IReadOnlyList<object> Arguments(string account, bool asRoot, string command, IEnumerable<object> arguments) =>
        asRoot
            ? [$"--reuid={account}", $"--regid={account}", "--init-groups", "--", command, .. arguments]
            : [.. arguments];
}
