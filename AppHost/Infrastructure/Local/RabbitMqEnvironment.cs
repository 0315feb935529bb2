using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KiPlatform.AppHost.Infrastructure.Local;

/// <summary>
/// Everything the local RabbitMQ broker keeps or reads lives under one folder of the data root: Erlang cookie (HOME),
/// Mnesia database, logs, configuration. It talks to an epmd of its own on a private port, so it neither meets another
/// broker of this machine nor leaves an epmd daemon behind.
/// </summary>
internal static class RabbitMqEnvironment
{
    public const string UserName = "ki";

    /// <param name="brokerPort">The AMQP port: a number, or Aspire's expression for the allocated port.</param>
    public static IReadOnlyDictionary<string, object> Build(string folder, object brokerPort, int distributionPort, int epmdPort) =>
        new Dictionary<string, object>
        {
            ["HOME"] = folder,
            ["RABBITMQ_NODENAME"] = NodeName(folder),
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = brokerPort,
            ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            // Erlang distribution listens on every interface unless told otherwise.
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log"),
            // Log to the console, where the dashboard shows it.
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_PID_FILE"] = Path.Combine(folder, "rabbitmq.pid"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
            // Keeps the machine's /etc/rabbitmq/rabbitmq-env.conf out of this broker.
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(folder, "rabbitmq-env.conf"),
        };

    /// <summary>
    /// Mnesia keeps its data per node name, so the name must stay the same for one data root across restarts, and
    /// differ between data roots (a test run beside a developer's stack).
    /// </summary>
    public static string NodeName(string folder)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folder)))[..10];
        return $"ki-{hash}@localhost";
    }

    public static string ConfigurationFile(string password) => string.Join('\n',
        $"default_user = {UserName}",
        $"default_pass = {password}",
        "");

    public static void WriteFiles(string folder, string password)
    {
        Directory.CreateDirectory(Path.Combine(folder, "mnesia"));
        Directory.CreateDirectory(Path.Combine(folder, "log"));
        var configuration = Path.Combine(folder, "rabbitmq.conf");
        SecretFile.Write(configuration, ConfigurationFile(password));
        // No plugins: the management UI is not needed, and each plugin adds seconds to the boot.
        File.WriteAllText(Path.Combine(folder, "enabled_plugins"), "[].\n");
        File.WriteAllText(Path.Combine(folder, "rabbitmq-env.conf"), "");
    }
}
