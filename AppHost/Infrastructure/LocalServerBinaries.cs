namespace KiPlatform.AppHost.Infrastructure;

/// <summary>Where this machine keeps the server binaries the local mode runs (Debian/Ubuntu package layout).</summary>
internal sealed record LocalServerBinaries(string? PostgresBinDirectory, string? RedisServer, string? RabbitMqServer, string? Epmd)
{
    public IReadOnlyList<string> Missing =>
    [
        .. PostgresBinDirectory is null ? ["postgres (package postgresql)"] : Array.Empty<string>(),
        .. RedisServer is null ? ["redis-server (package redis-server)"] : Array.Empty<string>(),
        .. RabbitMqServer is null ? ["rabbitmq-server (package rabbitmq-server)"] : Array.Empty<string>(),
        .. Epmd is null ? ["epmd (package erlang-base, comes with rabbitmq-server)"] : Array.Empty<string>(),
    ];

    public string Postgres => Path.Combine(Required(PostgresBinDirectory), "postgres");
    public string InitDb => Path.Combine(Required(PostgresBinDirectory), "initdb");

    public static LocalServerBinaries Locate() =>
        Locate("/", (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));

    /// <param name="root">The file system root to search under (tests pass a folder of their own).</param>
    /// <param name="path">The directories of PATH, searched after the package locations.</param>
    public static LocalServerBinaries Locate(string root, IReadOnlyList<string> path)
    {
        string Under(string absolute) => Path.Combine(root, absolute.TrimStart('/'));
        string? FirstExisting(params IEnumerable<string> candidates) => candidates.FirstOrDefault(File.Exists);
        IEnumerable<string> OnPath(string name) => path.Select(directory => Path.Combine(Under(directory), name));

        return new LocalServerBinaries(
            NewestPostgresBinDirectory(Under("/usr/lib/postgresql")),
            FirstExisting([Under("/usr/bin/redis-server"), .. OnPath("redis-server")]),
            FirstExisting(Under("/usr/lib/rabbitmq/bin/rabbitmq-server")),
            FirstExisting([Under("/usr/bin/epmd"), Under("/usr/lib/erlang/bin/epmd"), .. OnPath("epmd")]));
    }

    /// <summary>Debian installs each major version side by side (/usr/lib/postgresql/15/bin); take the newest.</summary>
    private static string? NewestPostgresBinDirectory(string versionsDirectory)
    {
        if (!Directory.Exists(versionsDirectory))
        {
            return null;
        }

        return Directory.EnumerateDirectories(versionsDirectory)
            .Select(directory => (Directory: directory, Version: int.TryParse(Path.GetFileName(directory), out var v) ? v : -1))
            .Where(candidate => candidate.Version > 0
                && File.Exists(Path.Combine(candidate.Directory, "bin", "postgres"))
                && File.Exists(Path.Combine(candidate.Directory, "bin", "initdb")))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => Path.Combine(candidate.Directory, "bin"))
            .FirstOrDefault();
    }

    private static string Required(string? value) =>
        value ?? throw new InfrastructureUnavailableException($"PostgreSQL binaries are missing. {InfrastructureModeDecision.InstallHint}");
}
