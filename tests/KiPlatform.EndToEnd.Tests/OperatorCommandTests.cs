using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace KiPlatform.EndToEnd.Tests;

/// <summary>The dashboard's operator commands, run against the running stack as the dashboard runs them.</summary>
public sealed class OperatorCommandTests(PlatformFixture platform)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Resend_failed_mails_on_the_notifications_resource_reaches_the_service_as_admin_and_succeeds()
    {
        var commands = platform.App.Services.GetRequiredService<ResourceCommandService>();

        var result = await commands.ExecuteCommandAsync("notifications", "resend-failed-mails", Ct);

        Assert.True(result.Success, result.Message);
        Assert.Matches("^[0-9]+ failed mails are pending again\\.$", result.Message ?? "");
    }
}
