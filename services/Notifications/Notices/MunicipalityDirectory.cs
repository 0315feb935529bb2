using System.Collections.Concurrent;
using KiPlatform.Applications.V1;
using KiPlatform.Rpc.Names;

namespace KiPlatform.Notifications.Notices;

/// <summary>
/// The municipalities' official names, as Applications keeps them, read over gRPC on the service's own account and
/// held for the life of the process: the 54 names change only with a new register, which Applications announces.
/// </summary>
public sealed class MunicipalityDirectory(MunicipalityService.MunicipalityServiceClient municipalities)
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    public async ValueTask<string> NameAsync(string ags, CancellationToken cancellationToken)
    {
        if (_names.TryGetValue(ags, out var name))
        {
            return name;
        }

        var listed = await municipalities.ListMunicipalitiesAsync(new ListMunicipalitiesRequest { PageSize = 100 }, cancellationToken: cancellationToken);
        foreach (var municipality in listed.Municipalities)
        {
            _names[MunicipalityName.ParseAgs(municipality.Name, "name")] = municipality.DisplayName;
        }

        return _names.TryGetValue(ags, out name) ? name : throw new InvalidOperationException($"Applications knows no municipality {ags}.");
    }

    /// <summary>Forgets the names, so the next notice reads the register afresh.</summary>
    public void Forget() => _names.Clear();
}
