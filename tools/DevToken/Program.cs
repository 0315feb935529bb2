using KiPlatform.Rpc.Security;

// Prints a development bearer token for any role, signed with the key the AppHost generated in its data root.
// Usage: scripts/dev-token.sh <role> [ags] [--hours N] [--data-root PATH]
const string usage = "usage: dev-token <municipality|mais|msw|laki|admin> [ags] [--hours N] [--data-root PATH]";

var positional = new List<string>();
var hours = 8.0;
var dataRoot = Path.Combine(AppContext.GetData("RepositoryRoot") as string ?? Directory.GetCurrentDirectory(), ".data");
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--hours" when i + 1 < args.Length:
            hours = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--data-root" when i + 1 < args.Length:
            dataRoot = args[++i];
            break;
        default:
            positional.Add(args[i]);
            break;
    }
}

if (positional.Count is < 1 or > 2)
{
    Console.Error.WriteLine(usage);
    return 64;
}

var keyFile = Path.Combine(dataRoot, "credentials", "token-signing-key");
if (!File.Exists(keyFile))
{
    Console.Error.WriteLine($"No signing key at {keyFile}: start the stack once with ./run.sh (it generates the key), or pass --data-root.");
    return 66;
}

try
{
    var role = positional[0];
    var ags = positional.Count == 2 ? positional[1] : null;
    Console.WriteLine(DevelopmentTokens.Create(File.ReadAllText(keyFile).Trim(), role, ags, TimeSpan.FromHours(hours), TimeProvider.System));
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{e.Message}\n{usage}");
    return 64;
}
