using Grpc.Core;
using KiPlatform.Applications.Municipalities;
using KiPlatform.Rpc.Names;

namespace KiPlatform.Services.Tests;

public sealed class MunicipalityCatalogTests
{
    private static readonly IReadOnlyList<Municipality> Catalog = MunicipalityCatalogSeeder.ReadCatalog();

    [Fact]
    public void Ships_all_54_municipalities_once_each()
    {
        Assert.Equal(54, Catalog.Count);
        Assert.Equal(54, Catalog.Select(m => m.Ags).Distinct().Count());
    }

    [Fact]
    public void Marks_the_16_municipalities_of_the_first_wave()
    {
        var firstWave = Catalog.Where(m => m.FirstWave).Select(m => m.Name).ToList();

        Assert.Equal(16, firstWave.Count);
        Assert.Contains("Mülheim an der Ruhr", firstWave);
        Assert.Contains("Ennepe-Ruhr-Kreis", firstWave);
    }

    [Fact]
    public void Knows_every_kind_including_the_city_region()
    {
        Assert.Equal(30, Catalog.Count(m => m.Kind == MunicipalityKind.District));
        Assert.Equal(23, Catalog.Count(m => m.Kind == MunicipalityKind.IndependentCity));
        Assert.Equal("05334", Assert.Single(Catalog, m => m.Kind == MunicipalityKind.CityRegion).Ags);
    }

    [Fact]
    public void Every_shipped_municipality_has_a_valid_resource_name()
    {
        Assert.All(Catalog, m => Assert.Equal(m.Ags, MunicipalityName.ParseAgs(MunicipalityName.Format(m.Ags), "name")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("05111")]
    [InlineData("municipalities/5111")]
    [InlineData("municipalities/0511x")]
    [InlineData("municipalities/051110")]
    [InlineData("postPlans/05111")]
    public void A_malformed_name_is_invalid_argument_naming_the_field(string name)
    {
        var error = Assert.Throws<RpcException>(() => MunicipalityName.ParseAgs(name, "name"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var status = error.GetRpcStatus();
        Assert.NotNull(status);
        var badRequest = status.GetDetail<Google.Rpc.BadRequest>();
        Assert.Equal("name", Assert.Single(badRequest.FieldViolations).Field);
        Assert.Equal("MALFORMED_NAME", status.GetDetail<Google.Rpc.ErrorInfo>().Reason);
        Assert.Equal("ki.nrw", status.GetDetail<Google.Rpc.ErrorInfo>().Domain);
    }
}
