using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Grpc.Net.Client;
using KiPlatform.AppHost.Security;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Security;

namespace KiPlatform.AppHost.Operations;

/// <summary>
/// "Resend failed mails" on the notifications resource: once the cause of failed mail is mended, an operator sends it
/// again in one click. The command calls Notifications' ResendFailedMails as admin, with a development token.
/// </summary>
internal static class ResendFailedMailsCommand
{
    public const string Name = "resend-failed-mails";

    public static IResourceBuilder<ProjectResource> WithResendFailedMailsCommand(this IResourceBuilder<ProjectResource> notifications, DevelopmentSecrets secrets) =>
        notifications.WithCommand(Name, "Resend failed mails", async context =>
        {
            try
            {
                var signingKey = await secrets.TokenSigningKeyAsync(context.CancellationToken);
                var token = DevelopmentTokens.Create(signingKey, Roles.Admin, null, TimeSpan.FromMinutes(5), TimeProvider.System, subject: "dashboard-operator");
                using var channel = GrpcChannel.ForAddress(notifications.GetEndpoint("http").Url);
                var reply = await new MailDeliveryService.MailDeliveryServiceClient(channel).ResendFailedMailsAsync(
                    new ResendFailedMailsRequest { RequestId = Guid.NewGuid().ToString() },
                    new Grpc.Core.Metadata { { "authorization", $"Bearer {token}" } },
                    deadline: DateTime.UtcNow.AddSeconds(30),
                    cancellationToken: context.CancellationToken);
                return new ExecuteCommandResult { Success = true, Message = $"{reply.ResentCount} failed mails are pending again." };
            }
            catch (Exception e) when (e is Grpc.Core.RpcException or InvalidOperationException or HttpRequestException)
            {
                return CommandResults.Failure(e.Message);
            }
        },
        new CommandOptions
        {
            Description = "Makes every mail that failed all its attempts pending again; the sender takes them at once.",
            IconName = "MailArrowUp",
            UpdateState = OperatorCommands.EnabledWhenHealthy,
        });
}
