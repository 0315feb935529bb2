using System.Diagnostics;
using System.Text;
using KiPlatform.Applications.V1;
using KiPlatform.Rpc.Security;

namespace KiPlatform.EndToEnd.Tests;

/// <summary>The command-line client (tools/Cli), run as a process against the running stack as a user runs it.</summary>
public sealed class CliTests(PlatformFixture platform)
{
    private const string Ags = "05170"; // Kreis Wesel; no other end-to-end test applies for it

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Municipalities_prints_the_register_as_a_table()
    {
        var (exitCode, output) = await RunAsync(["municipalities", "--district", "Arnsberg"]);

        Assert.Equal(0, exitCode);
        Assert.Contains("Kreis Soest", output);
        Assert.Contains("05974", output);
        Assert.DoesNotContain("Düsseldorf", output.Replace("Regierungsbez", "", StringComparison.Ordinal)); // Arnsberg only
    }

    [Fact]
    public async Task Application_shows_a_municipalitys_newest_application_with_its_history()
    {
        var draft = await new ApplicationService.ApplicationServiceClient(platform.Channel("applications", Roles.Municipality, Ags)).CreateApplicationAsync(new CreateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { Municipality = $"municipalities/{Ags}", FundingPeriod = "fundingPeriods/2013" },
        }, cancellationToken: Ct);

        var (exitCode, output) = await RunAsync(["application", Ags]);

        Assert.Equal(0, exitCode);
        Assert.Contains(draft.Name, output);
        Assert.Contains("Draft", output);
        Assert.Contains("Created", output);
    }

    [Fact]
    public async Task A_refused_call_prints_its_status_and_reason()
    {
        var (exitCode, output) = await RunAsync(["application", "applications/not-a-uuid"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("InvalidArgument", output);
        Assert.Contains("MALFORMED_NAME", output);
    }

    [Fact]
    public async Task Watch_replays_an_inbox_from_a_cursor_and_says_when_it_is_live()
    {
        var (_, output) = await RunAsync(["watch", "laki", "--cursor", "0.0"], until: "caught up");

        Assert.Contains("Following recipients/laki", output);
        Assert.Contains("caught up, live from here", output);
    }

    /// <summary>Runs ki with the stack's data root; with <paramref name="until"/>, stops it once that text appeared.</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(string[] arguments, string? until = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ki.dll"));
        foreach (var argument in arguments.Concat(["--data-root", platform.DataRoot]))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var seen = new TaskCompletionSource();
        void Collect(object _, DataReceivedEventArgs e)
        {
            lock (output)
            {
                output.AppendLine(e.Data);
                if (until is not null && output.ToString().Contains(until, StringComparison.Ordinal))
                {
                    seen.TrySetResult();
                }
            }
        }

        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(Deadline);
        try
        {
            await (until is null ? process.WaitForExitAsync(deadline.Token) : seen.Task.WaitAsync(deadline.Token));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        await process.WaitForExitAsync(Ct);
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
