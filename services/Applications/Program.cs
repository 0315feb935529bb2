using KiPlatform.Applications;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationsService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapApplicationsService();
app.Run();
