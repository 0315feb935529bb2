namespace KiPlatform.AppHost.Infrastructure.Local;

/// <summary>
/// The redis.conf of the local Redis server. The password lives in this file (readable by the owner only), not on the
/// command line, where the dashboard and every process listing would show it.
/// </summary>
internal static class RedisConfiguration
{
    public static string Render(string dataDirectory, string password) => string.Join('\n',
        "bind 127.0.0.1",
        "protected-mode yes",
        "daemonize no",
        $"dir \"{dataDirectory}\"",
        // Redis holds only caches and counters, but a restart should still find them.
        "appendonly yes",
        $"requirepass \"{password}\"",
        "");

    public static string Write(DataRoot root, string password)
    {
        var dataDirectory = root.Folder("redis");
        var file = Path.Combine(dataDirectory, "redis.conf");
        SecretFile.Write(file, Render(dataDirectory, password));
        return file;
    }
}
