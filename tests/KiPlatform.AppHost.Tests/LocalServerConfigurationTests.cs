using KiPlatform.AppHost.Infrastructure;
using KiPlatform.AppHost.Infrastructure.Local;

namespace KiPlatform.AppHost.Tests;

public sealed class LocalServerConfigurationTests
{
    private static readonly LocalServerBinaries Binaries = new("/usr/lib/postgresql/15/bin", "/usr/bin/redis-server", "/usr/lib/rabbitmq/bin/rabbitmq-server", "/usr/bin/epmd");

    [Fact]
    public void Postgres_as_root_drops_to_the_postgres_account()
    {
        Assert.Equal("/usr/bin/setpriv", PostgresCommandLine.ServerCommand(Binaries, asRoot: true));
        var arguments = PostgresCommandLine.ServerArguments(Binaries, "/data/postgres/data", 5433, asRoot: true);

        Assert.Equal(["--reuid=postgres", "--regid=postgres", "--init-groups", "--", "/usr/lib/postgresql/15/bin/postgres"], arguments.Take(5));
        Assert.Equal(["-D", "/data/postgres/data", "-p", 5433], arguments.Skip(5).Take(4));
    }

    [Fact]
    public void Postgres_as_a_user_runs_directly_and_listens_on_loopback_only()
    {
        Assert.Equal("/usr/lib/postgresql/15/bin/postgres", PostgresCommandLine.ServerCommand(Binaries, asRoot: false));
        var arguments = PostgresCommandLine.ServerArguments(Binaries, "/data/postgres/data", 5433, asRoot: false);

        Assert.Equal("-D", arguments[0]);
        Assert.Contains("listen_addresses=127.0.0.1", arguments);
        Assert.Contains("unix_socket_directories=", arguments);
    }

    [Fact]
    public void Initdb_sets_a_password_from_a_file_and_never_on_the_command_line()
    {
        var arguments = PostgresCommandLine.InitDbArguments(Binaries, "/data/postgres/data", "/data/postgres/.initdb-password", asRoot: false);

        Assert.Contains("--pwfile=/data/postgres/.initdb-password", arguments);
        Assert.Contains("--auth=scram-sha-256", arguments);
        Assert.Equal("/usr/lib/postgresql/15/bin/initdb", PostgresCommandLine.InitDbCommand(Binaries, asRoot: false));
    }

    [Fact]
    public void Redis_configuration_binds_loopback_persists_and_requires_the_password()
    {
        var lines = RedisConfiguration.Render("/data/redis", "s3cret").Split('\n');

        Assert.Contains("bind 127.0.0.1", lines);
        Assert.Contains("dir \"/data/redis\"", lines);
        Assert.Contains("appendonly yes", lines);
        Assert.Contains("requirepass \"s3cret\"", lines);
    }

    [Fact]
    public void RabbitMq_keeps_everything_under_its_folder_and_uses_a_private_epmd()
    {
        var environment = RabbitMqEnvironment.Build("/data/rabbitmq", 5672, distributionPort: 25672, epmdPort: 4370);

        Assert.Equal("/data/rabbitmq", environment["HOME"]);
        Assert.Equal("/data/rabbitmq/mnesia", environment["RABBITMQ_MNESIA_BASE"]);
        Assert.Equal("127.0.0.1", environment["RABBITMQ_NODE_IP_ADDRESS"]);
        Assert.Equal(5672, environment["RABBITMQ_NODE_PORT"]);
        Assert.Equal("25672", environment["RABBITMQ_DIST_PORT"]);
        Assert.Equal("4370", environment["ERL_EPMD_PORT"]);
        Assert.Equal("127.0.0.1", environment["ERL_EPMD_ADDRESS"]);
        Assert.Contains("inet_dist_use_interface {127,0,0,1}", (string)environment["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"], StringComparison.Ordinal);
        Assert.Equal("/data/rabbitmq/rabbitmq-env.conf", environment["RABBITMQ_CONF_ENV_FILE"]);
    }

    [Fact]
    public void RabbitMq_node_name_is_stable_per_data_root_and_differs_between_roots()
    {
        Assert.Equal(RabbitMqEnvironment.NodeName("/data/a/rabbitmq"), RabbitMqEnvironment.NodeName("/data/a/rabbitmq"));
        Assert.NotEqual(RabbitMqEnvironment.NodeName("/data/a/rabbitmq"), RabbitMqEnvironment.NodeName("/tmp/b/rabbitmq"));
        Assert.EndsWith("@localhost", RabbitMqEnvironment.NodeName("/data/a/rabbitmq"), StringComparison.Ordinal);
    }

    [Fact]
    public void RabbitMq_configuration_creates_the_platform_user()
    {
        var lines = RabbitMqEnvironment.ConfigurationFile("s3cret").Split('\n');

        Assert.Contains("default_user = ki", lines);
        Assert.Contains("default_pass = s3cret", lines);
    }
}
