using FluentValidation;
using Grpc.Core;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Idempotency;
using KiPlatform.Rpc.Validation;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Notifications.Delivery;

/// <summary>An operator's hand on the mail: the failed mails sent again once their cause is mended.</summary>
public sealed partial class MailDeliveryGrpcService(
    NotificationsDbContext db, IdempotentCommands<NotificationsDbContext> commands, TimeProvider clock, ILogger<MailDeliveryGrpcService> logger)
    : MailDeliveryService.MailDeliveryServiceBase
{
    public override Task<ResendFailedMailsResponse> ResendFailedMails(ResendFailedMailsRequest request, ServerCallContext context) =>
        commands.ExecuteAsync(request, request.RequestId, context, async ct =>
        {
            var failed = await db.MailDeliveries.Where(m => m.Status == MailStatus.Failed).ToListAsync(ct);
            var now = clock.GetUtcNow();
            foreach (var mail in failed)
            {
                mail.Resend(now);
            }

            await db.SaveChangesAsync(ct);
            LogResent(failed.Count);
            return new ResendFailedMailsResponse { ResentCount = failed.Count };
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} failed mails made pending again by an operator")]
    private partial void LogResent(int count);
}

internal sealed class ResendFailedMailsRequestValidator : AbstractValidator<ResendFailedMailsRequest>
{
    public ResendFailedMailsRequestValidator() => RuleFor(r => r.RequestId).RequestId();
}
