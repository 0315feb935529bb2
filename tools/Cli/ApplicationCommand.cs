using System.ComponentModel;
using Grpc.Core;
using KiPlatform.Applications.V1;
using KiPlatform.FirstWave;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KiPlatform.Cli;

/// <summary>
/// <c>ki application 05974</c> or <c>ki application applications/{id}</c>: ApplicationService.GetApplication (or the
/// municipality's newest through ListApplications) and ListApplicationHistory, read as MAIS.
/// </summary>
internal sealed class ApplicationCommand : AsyncCommand<ApplicationCommand.Settings>
{
    internal sealed class Settings : StackSettings
    {
        [CommandArgument(0, "<APPLICATION>")]
        [Description("applications/{id}, or a municipality's AGS for its newest application")]
        public string Application { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var platform = settings.Connect();
        var client = new ApplicationService.ApplicationServiceClient(platform.Applications);
        try
        {
            Application? application;
            if (settings.Application.StartsWith("applications/", StringComparison.Ordinal))
            {
                application = await client.GetApplicationAsync(new GetApplicationRequest { Name = settings.Application }, platform.As(Party.Mais, cancellationToken));
            }
            else
            {
                var listed = await client.ListApplicationsAsync(
                    new ListApplicationsRequest { Municipality = $"municipalities/{settings.Application}", PageSize = 1 }, platform.As(Party.Mais, cancellationToken));
                application = listed.Applications.FirstOrDefault();
            }

            if (application is null)
            {
                AnsiConsole.MarkupLine($"[yellow]municipalities/{Show.Text(settings.Application)} has no application.[/]");
                return 1;
            }

            var history = await client.ListApplicationHistoryAsync(new ListApplicationHistoryRequest { Name = application.Name }, platform.As(Party.Mais, cancellationToken));
            AnsiConsole.Write(Describe(application));
            var steps = new Table().Title("History").AddColumns("#", "When", "Step", "State", "Who", "Reason");
            foreach (var e in history.Events)
            {
                steps.AddRow(e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Show.Time(e.EventTime), e.Action.ToString(),
                    e.FromState == e.ToState ? e.ToState.ToString() : $"{e.FromState.ToString()} -> {e.ToState.ToString()}",
                    Show.Text($"{e.ActorRole} {e.Actor}"), Show.Text(e.Reason));
            }

            AnsiConsole.Write(steps);
            return 0;
        }
        catch (RpcException e)
        {
            return Show.Failure(e);
        }
    }

    private static Grid Describe(Application a)
    {
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string label, string value) => grid.AddRow($"[bold]{label}[/]", Show.Text(value));
        Row("Name", a.Name);
        Row("Municipality", a.Municipality);
        Row("Funding period", a.FundingPeriod);
        Row("State", a.State.ToString());
        Row("Contact", a.Contact is null ? "" : $"{a.Contact.Name} <{a.Contact.Email}>");
        Row("Requested FTE", Posts(a.RequestedPosts));
        Row("Approved FTE", a.ApprovedPosts is null ? "" : Posts(a.ApprovedPosts));
        Row("Submitted", Show.Time(a.SubmitTime));
        Row("Closed", Show.Time(a.CloseTime));
        return grid;
    }

    private static string Posts(Posts? p) => p is null ? "" :
        $"teacher {Show.Fte(p.TeacherFte)}, specialist {Show.Fte(p.SpecialistFte)}, administrative {Show.Fte(p.AdministrativeFte)}, support {Show.Fte(p.SupportFte)}";
}
