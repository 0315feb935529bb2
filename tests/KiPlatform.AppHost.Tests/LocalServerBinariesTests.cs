using KiPlatform.AppHost.Infrastructure;

namespace KiPlatform.AppHost.Tests;

public sealed class LocalServerBinariesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ki-binaries-").FullName;

    [Fact]
    public void Finds_nothing_on_an_empty_machine()
    {
        var binaries = LocalServerBinaries.Locate(_root, ["/usr/bin"]);

        Assert.Equal(4, binaries.Missing.Count);
    }

    [Fact]
    public void Takes_the_newest_complete_postgres_version()
    {
        Touch("usr/lib/postgresql/13/bin/postgres", "usr/lib/postgresql/13/bin/initdb");
        Touch("usr/lib/postgresql/15/bin/postgres", "usr/lib/postgresql/15/bin/initdb");
        Touch("usr/lib/postgresql/16/bin/postgres"); // a client-only install has no initdb

        var binaries = LocalServerBinaries.Locate(_root, []);

        Assert.Equal(Path.Combine(_root, "usr/lib/postgresql/15/bin"), binaries.PostgresBinDirectory);
        Assert.Equal(Path.Combine(_root, "usr/lib/postgresql/15/bin/initdb"), binaries.InitDb);
    }

    [Fact]
    public void Finds_the_debian_package_layout_and_falls_back_to_path()
    {
        Touch("usr/lib/postgresql/15/bin/postgres", "usr/lib/postgresql/15/bin/initdb",
            "usr/lib/rabbitmq/bin/rabbitmq-server", "opt/redis/bin/redis-server", "usr/lib/erlang/bin/epmd");

        var binaries = LocalServerBinaries.Locate(_root, ["/opt/redis/bin"]);

        Assert.Empty(binaries.Missing);
        Assert.Equal(Path.Combine(_root, "opt/redis/bin/redis-server"), binaries.RedisServer);
        Assert.Equal(Path.Combine(_root, "usr/lib/erlang/bin/epmd"), binaries.Epmd);
    }

    private void Touch(params string[] files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(_root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "");
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
