namespace KiPlatform.IntegrationEvents.Applications;

/// <summary>
/// Published by the Applications service when it has loaded municipality reference data that was not there before
/// (on a fresh database: all 54 Kreise and kreisfreie Städte).
/// </summary>
/// <param name="AddedCount">How many municipalities were added.</param>
/// <param name="TotalCount">How many municipalities the service now knows.</param>
/// <param name="SeededAt">When the data was committed.</param>
public sealed record MunicipalitiesSeeded(int AddedCount, int TotalCount, DateTimeOffset SeededAt);
