using System.ComponentModel;
using KiPlatform.FirstWave;
using Spectre.Console.Cli;

namespace KiPlatform.Cli;

/// <summary>
/// Where the running stack is and how to call it: the development way, tokens signed with the key the AppHost keeps in
/// its data root (as scripts/dev-token.sh makes them). Every command takes these options.
/// </summary>
internal class StackSettings : CommandSettings
{
    [CommandOption("--data-root <PATH>")]
    [Description("The AppHost's data root, which holds credentials/token-signing-key. Default: the repository's .data")]
    public string? DataRoot { get; init; }

    [CommandOption("--applications <URL>")]
    [Description("The Applications service. Default: http://127.0.0.1:5101")]
    public Uri? Applications { get; init; }

    [CommandOption("--staffing <URL>")]
    [Description("The Staffing service. Default: http://127.0.0.1:5102")]
    public Uri? Staffing { get; init; }

    [CommandOption("--funding <URL>")]
    [Description("The Funding service. Default: http://127.0.0.1:5103")]
    public Uri? Funding { get; init; }

    [CommandOption("--notifications <URL>")]
    [Description("The Notifications service. Default: http://127.0.0.1:5104")]
    public Uri? Notifications { get; init; }

    public PlatformConnection Connect()
    {
        var root = DataRoot ?? Path.Combine(AppContext.GetData("RepositoryRoot") as string ?? Directory.GetCurrentDirectory(), ".data");
        var keyFile = Path.Combine(root, "credentials", "token-signing-key");
        if (!File.Exists(keyFile))
        {
            throw new StackNotFoundException($"No signing key at {keyFile}: start the stack with ./run.sh (it generates the key), or pass --data-root.");
        }

        var local = PlatformAddresses.Local;
        var addresses = new PlatformAddresses(Applications ?? local.Applications, Staffing ?? local.Staffing, Funding ?? local.Funding, Notifications ?? local.Notifications);
        return new PlatformConnection(addresses, File.ReadAllText(keyFile).Trim(), TimeProvider.System);
    }
}

/// <summary>The stack's development credentials are not where the command looked.</summary>
internal sealed class StackNotFoundException(string message) : Exception(message);
