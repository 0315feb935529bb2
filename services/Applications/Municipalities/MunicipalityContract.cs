using KiPlatform.Rpc.Concurrency;
using KiPlatform.Rpc.Names;

namespace KiPlatform.Applications.Municipalities;

internal static class MunicipalityContract
{
    public static V1.Municipality ToContract(this Municipality municipality) => new()
    {
        Name = MunicipalityName.Format(municipality.Ags),
        Ags = municipality.Ags,
        DisplayName = municipality.Name,
        Kind = municipality.Kind switch
        {
            MunicipalityKind.District => V1.MunicipalityKind.District,
            MunicipalityKind.IndependentCity => V1.MunicipalityKind.IndependentCity,
            MunicipalityKind.CityRegion => V1.MunicipalityKind.CityRegion,
            _ => V1.MunicipalityKind.Unspecified,
        },
        GovernmentDistrict = municipality.GovernmentDistrict,
        FirstWave = municipality.FirstWave,
        Etag = ETags.Format(municipality.Version),
        HasKi = municipality.HasKi,
    };
}
