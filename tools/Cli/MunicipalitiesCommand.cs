using System.ComponentModel;
using Grpc.Core;
using KiPlatform.Applications.V1;
using KiPlatform.FirstWave;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KiPlatform.Cli;

/// <summary><c>ki municipalities [--district Arnsberg] [--with-ki]</c>: MunicipalityService.ListMunicipalities, all pages.</summary>
internal sealed class MunicipalitiesCommand : AsyncCommand<MunicipalitiesCommand.Settings>
{
    internal sealed class Settings : StackSettings
    {
        [CommandOption("--district <NAME>")]
        [Description("Only this Regierungsbezirk: Arnsberg, Detmold, Düsseldorf, Köln or Münster")]
        public string? District { get; init; }

        [CommandOption("--with-ki")]
        [Description("Only those with an approved KI")]
        public bool WithKi { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var platform = settings.Connect();
        var client = new MunicipalityService.MunicipalityServiceClient(platform.Applications);
        var table = new Table().AddColumns("AGS", "Name", "Kind", "Regierungsbezirk", "First wave", "KI");
        try
        {
            var request = new ListMunicipalitiesRequest { GovernmentDistrict = settings.District ?? "" };
            if (settings.WithKi)
            {
                request.HasKi = true;
            }

            do
            {
                var page = await client.ListMunicipalitiesAsync(request, platform.As(Party.Laki, cancellationToken));
                foreach (var m in page.Municipalities)
                {
                    table.AddRow(m.Ags, Show.Text(m.DisplayName), m.Kind.ToString(), Show.Text(m.GovernmentDistrict), m.FirstWave ? "yes" : "", m.HasKi ? "[green]yes[/]" : "");
                }

                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);
        }
        catch (RpcException e)
        {
            return Show.Failure(e);
        }

        AnsiConsole.Write(table);
        return 0;
    }
}
