using System.Collections.Concurrent;
using KiPlatform.Applications.V1;
using KiPlatform.Rpc.Names;

namespace KiPlatform.Notifications.Notices;

/// <summary>
/// Where a municipality's mail goes when it set no address of its own: the contact named in its latest application, as
/// Applications keeps it, read on the service's own account and held for a few minutes (a contact changes with an
/// application, rarely).
/// </summary>
public sealed class MunicipalityContacts(ApplicationService.ApplicationServiceClient applications, TimeProvider clock)
{
    private static readonly TimeSpan HeldFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (string? Address, DateTimeOffset Until)> _held = new(StringComparer.Ordinal);

    /// <returns>Null when the municipality has no application naming a contact's address.</returns>
    public async ValueTask<string?> AddressAsync(string ags, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_held.TryGetValue(ags, out var held) && held.Until > now)
        {
            return held.Address;
        }

        var latest = await applications.ListApplicationsAsync(
            new ListApplicationsRequest { Municipality = MunicipalityName.Format(ags), PageSize = 1 }, cancellationToken: cancellationToken);
        var address = latest.Applications.FirstOrDefault()?.Contact?.Email is { Length: > 0 } email ? email : null;
        _held[ags] = (address, now + HeldFor);
        return address;
    }
}
