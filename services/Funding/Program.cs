using KiPlatform.Funding;
using KiPlatform.Funding.FundingPeriods;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddFundingService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcService<FundingPeriodGrpcService>();
app.Run();
