using KiPlatform.Notifications;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotificationsService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapNotificationsService();
app.Run();
