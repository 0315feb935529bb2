using Grpc.Core;
using KiPlatform.FirstWave;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KiPlatform.Cli;

/// <summary>
/// <c>ki first-wave</c>: plays tools/FirstWave's scenario against the running stack with a progress bar per stage, then
/// prints the 16 KIs with their grant notices. Run again, it finishes what a cut-short run left.
/// </summary>
internal sealed class FirstWaveCommand : AsyncCommand<StackSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StackSettings settings, CancellationToken cancellationToken)
    {
        using var platform = settings.Connect();
        FirstWaveOutcome? outcome = null;
        try
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var stages = new Dictionary<FirstWaveStage, ProgressTask>
                    {
                        [FirstWaveStage.Applications] = progress.AddTask("Applications approved", maxValue: 16),
                        [FirstWaveStage.PostPlans] = progress.AddTask("Post plans made by Staffing", maxValue: 16),
                        [FirstWaveStage.GrantNotices] = progress.AddTask("Grant notices issued by Funding", maxValue: 16),
                        [FirstWaveStage.GoesOn] = progress.AddTask("Kreis Soest goes on", maxValue: 1),
                    };
                    outcome = await new FirstWaveScenario(platform).PlayAsync(new Reported(p =>
                    {
                        var task = stages[p.Stage];
                        task.MaxValue = p.Total;
                        task.Value = p.Done;
                    }), cancellationToken);
                });
        }
        catch (RpcException e)
        {
            return Show.Failure(e);
        }
        catch (TimeoutException e)
        {
            AnsiConsole.MarkupLine($"[red]{Show.Text(e.Message)}[/]");
            return 1;
        }

        var table = new Table().Title($"The first wave, {outcome!.FundingPeriod}").AddColumns("AGS", "Municipality", "Grant notice").AddColumn(new TableColumn("Amount").RightAligned());
        foreach (var ki in outcome.Kis)
        {
            table.AddRow(ki.Ags, Show.Text(ki.DisplayName), ki.GrantNumber, Show.Euro(ki.GrantTotalCents));
        }

        table.AddRow("", "[bold]Total[/]", "", $"[bold]{Show.Euro(outcome.Kis.Sum(k => k.GrantTotalCents))}[/]");
        AnsiConsole.Write(table);
        if (outcome.ApprovalTraceId is { } trace)
        {
            AnsiConsole.MarkupLine($"The approval of {Show.Text(outcome.Kis.First(k => k.ApprovalTraceId == trace).DisplayName)} is trace [bold]{trace}[/] on the dashboard.");
        }

        return 0;
    }

    /// <summary>Reports at once on the scenario's thread: the progress display takes updates from any thread.</summary>
    private sealed class Reported(Action<FirstWaveProgress> report) : IProgress<FirstWaveProgress>
    {
        public void Report(FirstWaveProgress value) => report(value);
    }
}
