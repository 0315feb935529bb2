using KiPlatform.Applications;
using KiPlatform.Applications.Municipalities;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<MunicipalityGrpcService>();
app.Run();
