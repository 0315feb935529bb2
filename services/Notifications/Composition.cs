using KiPlatform.Applications.V1;
using KiPlatform.Funding.V1;
using KiPlatform.Infrastructure;
using KiPlatform.Infrastructure.Live;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.IntegrationEvents.Funding;
using KiPlatform.IntegrationEvents.Staffing;
using KiPlatform.Messaging;
using KiPlatform.Notifications.Delivery;
using KiPlatform.Notifications.Inbox;
using KiPlatform.Rpc.Idempotency;
using KiPlatform.Notifications.Notices;
using KiPlatform.Rpc;

namespace KiPlatform.Notifications;

/// <summary>Everything the Notifications service registers and maps, called once from Program.cs.</summary>
public static class Composition
{
    public static void AddNotificationsService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext, IHostApplicationBuilder>(NotificationsDbContext.ConnectionName);
        builder.AddServiceCache();
        builder.Services.AddLiveWakeUps("ki:notifications:inbox"); // a recipient's inbox got items
        builder.Services.AddSingleton<NotificationMetrics>();
        // Every event a notice rule names (NoticeRules) gets its consumer here.
        builder.AddServiceMessaging<NotificationsDbContext>(bus =>
        {
            bus.AddConsumer<NoticeConsumer<MunicipalitiesSeeded>>();
            bus.AddConsumer<NoticeConsumer<ApplicationSubmitted>>();
            bus.AddConsumer<NoticeConsumer<DocumentsRequested>>();
            bus.AddConsumer<NoticeConsumer<ApplicationApproved>>();
            bus.AddConsumer<NoticeConsumer<ApplicationRejected>>();
            bus.AddConsumer<NoticeConsumer<ApplicationWithdrawn>>();
            bus.AddConsumer<NoticeConsumer<PostPlanCreated>>();
            bus.AddConsumer<NoticeConsumer<GrantIssued>>();
            bus.AddConsumer<NoticeConsumer<GrantQueuedForBudget>>();
            bus.AddConsumer<NoticeConsumer<GrantFinal>>();
            bus.AddConsumer<NoticeConsumer<DisbursementRequested>>();
            bus.AddConsumer<NoticeConsumer<DisbursementRefused>>();
            bus.AddConsumer<NoticeConsumer<DisbursementPaid>>();
            bus.AddConsumer<NoticeConsumer<ProofOfUseDue>>();
            bus.AddConsumer<NoticeConsumer<ProofOfUseOverdue>>();
            bus.AddConsumer<NoticeConsumer<ProofOfUseSubmitted>>();
            bus.AddConsumer<NoticeConsumer<GrantPartiallyRevoked>>();
            bus.AddConsumer<NoticeConsumer<GrantClosed>>();
        });
        builder.AddIdempotentCommands<NotificationsDbContext>();
        builder.AddRpcContract(RpcAccess.Rules, typeof(Composition).Assembly);
        // The municipalities' names are Applications' reference data, read on the service's own account.
        builder.Services.AddOwnAccountGrpcClient<MunicipalityService.MunicipalityServiceClient>("applications");
        builder.Services.AddSingleton<MunicipalityDirectory>();
        // A municipality that set no mail address is mailed at the contact of its latest application, Applications' record.
        builder.Services.AddOwnAccountGrpcClient<ApplicationService.ApplicationServiceClient>("applications");
        builder.Services.AddSingleton<MunicipalityContacts>();
        // The grant notices mailed with their notification are Funding's documents, fetched on the service's own account.
        builder.Services.AddOwnAccountGrpcClient<GrantService.GrantServiceClient>("funding");
        builder.Services.AddSingleton<NoticeTemplates>();
        builder.Services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<MailSender>();
        builder.Services.AddOptions<InboxOptions>()
            .BindConfiguration(InboxOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }

    public static void MapNotificationsService(this IEndpointRouteBuilder app)
    {
        app.MapGrpcService<InboxGrpcService>();
        app.MapGrpcService<DeliveryPreferencesGrpcService>();
        app.MapGrpcService<MailDeliveryGrpcService>();
    }
}
