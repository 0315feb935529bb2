using KiPlatform.Notifications;
using KiPlatform.Notifications.Inbox;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotificationsService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<InboxGrpcService>();
app.Run();
