using System.ComponentModel;
using Grpc.Core;
using KiPlatform.FirstWave;
using KiPlatform.Notifications.V1;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KiPlatform.Cli;

/// <summary>
/// <c>ki watch mais</c> or <c>ki watch 05974</c>: InboxService.StreamInboxItems as the recipient itself, one line per
/// item until Ctrl+C. Each line ends with the cursor; pass the last one as <c>--cursor</c> to resume without loss.
/// </summary>
internal sealed class WatchCommand : AsyncCommand<WatchCommand.Settings>
{
    internal sealed class Settings : StackSettings
    {
        [CommandArgument(0, "<RECIPIENT>")]
        [Description("mais, msw, laki, admin, or a municipality's AGS")]
        public string Recipient { get; init; } = "";

        [CommandOption("--cursor <CURSOR>")]
        [Description("Resume after this cursor: first what arrived since, then live")]
        public string? Cursor { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var isAgs = settings.Recipient.All(char.IsAsciiDigit);
        var party = isAgs ? Party.Municipality(settings.Recipient) : new Party(settings.Recipient);
        var parent = isAgs ? $"recipients/municipality-{settings.Recipient}" : $"recipients/{settings.Recipient}";
        using var platform = settings.Connect();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        try
        {
            // A stream runs until cancelled: no deadline, unlike the other calls.
            using var call = new InboxService.InboxServiceClient(platform.Notifications).StreamInboxItems(
                new StreamInboxItemsRequest { Parent = parent, Cursor = settings.Cursor ?? "" },
                platform.As(party, stop.Token).WithDeadline(DateTime.MaxValue));
            AnsiConsole.MarkupLine($"[grey]Following {Show.Text(parent)}; Ctrl+C stops.[/]");
            while (await call.ResponseStream.MoveNext(stop.Token))
            {
                var message = call.ResponseStream.Current;
                if (message.EventCase == StreamInboxItemsResponse.EventOneofCase.CaughtUp)
                {
                    AnsiConsole.MarkupLine($"[grey]-- caught up, live from here (cursor {Show.Text(message.Cursor)}) --[/]");
                    continue;
                }

                var item = message.Item;
                AnsiConsole.MarkupLine($"{Show.Time(item.CreateTime)}  [bold]{Show.Text(item.Subject)}[/]  [grey]{Show.Text(item.SubjectResource)}  cursor {Show.Text(message.Cursor)}[/]");
            }

            return 0;
        }
        catch (Exception e) when (stop.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            return 0;
        }
        catch (RpcException e)
        {
            return Show.Failure(e);
        }
    }
}
