using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Spectre.Console;

namespace KiPlatform.Cli;

/// <summary>How the commands print what the contracts carry: German amounts and Berlin times.</summary>
internal static class Show
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static string Euro(long cents) => (cents / 100m).ToString("N2", German) + " EUR";

    public static string Time(Timestamp? time) =>
        time is null ? "" : TimeZoneInfo.ConvertTime(time.ToDateTimeOffset(), Berlin).ToString("dd.MM.yyyy HH:mm:ss", German);

    public static string Fte(double fte) => fte.ToString("0.0", German);

    public static string Text(string text) => Markup.Escape(text);

    /// <summary>A failed call, as the platform explains it: status, reason code, and the fields at fault.</summary>
    public static int Failure(Grpc.Core.RpcException e)
    {
        var status = e.GetRpcStatus();
        var reason = status?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason;
        AnsiConsole.MarkupLine($"[red]{e.StatusCode}[/]{(reason is null ? "" : $" [yellow]{Text(reason)}[/]")}: {Text(e.Status.Detail)}");
        foreach (var violation in status?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations ?? [])
        {
            AnsiConsole.MarkupLine($"  [yellow]{Text(violation.Field)}[/]: {Text(violation.Description)}");
        }

        return 1;
    }
}
