using System.Diagnostics;

namespace KiPlatform.AppHost.Infrastructure.Local;

/// <summary>Creates the local PostgreSQL data directory (initdb) the first time a data root is used.</summary>
internal static class PostgresCluster
{
    public static string EnsureInitialised(LocalServerBinaries binaries, DataRoot root, string superuserPassword)
    {
        var dataDirectory = Path.Combine(root.Folder("postgres"), "data");
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            return dataDirectory;
        }

        var asRoot = Privileges.RunningAsRoot;
        Directory.CreateDirectory(dataDirectory);
        var passwordFile = Path.Combine(root.Folder("postgres"), ".initdb-password");
        SecretFile.Write(passwordFile, superuserPassword);
        try
        {
            if (asRoot)
            {
                Run("chown", [$"{Privileges.PostgresAccount}:{Privileges.PostgresAccount}", dataDirectory, passwordFile]);
            }

            Run(PostgresCommandLine.InitDbCommand(binaries, asRoot), PostgresCommandLine.InitDbArguments(binaries, dataDirectory, passwordFile, asRoot));
        }
        finally
        {
            File.Delete(passwordFile);
        }

        return dataDirectory;
    }

    private static void Run(string command, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InfrastructureUnavailableException($"Could not start {command}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InfrastructureUnavailableException(
                $"{Path.GetFileName(command)} failed with exit code {process.ExitCode}: {error.Result.Trim()} {output.Result.Trim()}");
        }
    }
}
