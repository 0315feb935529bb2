using KiPlatform.Staffing;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddStaffingService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapStaffingService();
app.Run();
