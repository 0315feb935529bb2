using System.Diagnostics;

namespace KiPlatform.AppHost.Infrastructure;

/// <summary>Asks docker, then podman, whether a container engine answers (a client alone is not enough).</summary>
internal static class ContainerRuntime
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    public static bool Answers() => Probe("docker") || Probe("podman");

    private static bool Probe(string client)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(client, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            // Drain the pipes so a chatty client cannot block on a full buffer.
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(ProbeTimeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // the client is not installed
        }
    }
}
