using Microsoft.Extensions.Configuration;

namespace KiPlatform.AppHost.Infrastructure;

/// <summary>
/// The "Infrastructure" configuration section: <c>Mode</c> (auto, containers, local) and <c>DataRoot</c>, the one folder
/// under which every server keeps its data, so a restarted stack finds its data again.
/// </summary>
internal sealed record InfrastructureOptions(InfrastructureMode Mode, string DataRoot)
{
    public const string SectionName = "Infrastructure";

    public static InfrastructureOptions From(IConfiguration configuration, string appHostDirectory)
    {
        var section = configuration.GetSection(SectionName);
        var modeText = section["Mode"];
        var mode = InfrastructureMode.Auto;
        if (!string.IsNullOrWhiteSpace(modeText) && !Enum.TryParse(modeText, ignoreCase: true, out mode))
        {
            throw new InfrastructureUnavailableException(
                $"Infrastructure:Mode is '{modeText}'; it must be one of: auto, containers, local.");
        }

        var dataRoot = section["DataRoot"];
        dataRoot = string.IsNullOrWhiteSpace(dataRoot)
            ? Path.Combine(appHostDirectory, "..", ".data")
            : Path.Combine(appHostDirectory, dataRoot);
        return new InfrastructureOptions(mode, Path.GetFullPath(dataRoot));
    }
}
