using KiPlatform.Staffing;
using KiPlatform.Staffing.PostPlans;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddStaffingService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<PostPlanGrpcService>();
app.Run();
