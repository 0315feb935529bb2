namespace KiPlatform.Applications.Municipalities;

public enum MunicipalityKind
{
    /// <summary>Kreis (rural district).</summary>
    District = 1,

    /// <summary>Kreisfreie Stadt (city outside any district).</summary>
    IndependentCity = 2,

    /// <summary>StädteRegion: Aachen with its surrounding towns, a district of its own kind.</summary>
    CityRegion = 3,
}
