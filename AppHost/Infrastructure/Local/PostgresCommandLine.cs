namespace KiPlatform.AppHost.Infrastructure.Local;

/// <summary>The command lines of the local PostgreSQL server and of its one-time initdb.</summary>
internal static class PostgresCommandLine
{
    public static string ServerCommand(LocalServerBinaries binaries, bool asRoot) => Privileges.Command(asRoot, binaries.Postgres);

    /// <param name="port">The port to listen on: a number, or Aspire's expression for the allocated port.</param>
    public static IReadOnlyList<object> ServerArguments(LocalServerBinaries binaries, string dataDirectory, object port, bool asRoot) =>
        Privileges.Arguments(Privileges.PostgresAccount, asRoot, binaries.Postgres,
        [
            "-D", dataDirectory,
            "-p", port,
            "-c", "listen_addresses=127.0.0.1",
            // TCP only: no socket files in system folders that another cluster may own.
            "-c", "unix_socket_directories=",
            // Four services with connection pools, plus tools: the default of 100 is too tight.
            "-c", "max_connections=300",
        ]);

    public static string InitDbCommand(LocalServerBinaries binaries, bool asRoot) => Privileges.Command(asRoot, binaries.InitDb);

    public static IReadOnlyList<string> InitDbArguments(LocalServerBinaries binaries, string dataDirectory, string passwordFile, bool asRoot) =>
        [.. Privileges.Arguments(Privileges.PostgresAccount, asRoot, binaries.InitDb,
        [
            "-D", dataDirectory,
            "-U", "postgres",
            "--auth=scram-sha-256",
            $"--pwfile={passwordFile}",
            "--encoding=UTF8",
            "--no-locale",
        ]).Select(argument => (string)argument)];
}
