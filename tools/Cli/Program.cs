using KiPlatform.Cli;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("ki");
    config.AddCommand<FirstWaveCommand>("first-wave")
        .WithDescription("Plays the first wave on the running stack: 16 KIs from application to grant notice.");
    config.AddCommand<MunicipalitiesCommand>("municipalities")
        .WithDescription("Lists the 54 municipalities: AGS, name, Regierungsbezirk, first wave, KI.");
    config.AddCommand<ApplicationCommand>("application")
        .WithDescription("Shows an application (by name, or a municipality's latest by AGS) and its history.");
    config.AddCommand<WatchCommand>("watch")
        .WithDescription("Follows a recipient's inbox live: what it missed since --cursor, then what arrives.");
});
return await app.RunAsync(args);
