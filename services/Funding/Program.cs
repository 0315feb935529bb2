using KiPlatform.Funding;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddFundingService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapFundingService();
app.Run();
