using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KiPlatform.Notifications;

/// <summary>For <c>dotnet ef migrations add</c> only: it builds the model without a running stack or a server.</summary>
internal sealed class NotificationsDbContextDesignFactory : IDesignTimeDbContextFactory<NotificationsDbContext>
{
    public NotificationsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NotificationsDbContext>().UseNpgsql("Host=design-time-only").Options);
}
