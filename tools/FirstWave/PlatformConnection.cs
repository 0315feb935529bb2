using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using KiPlatform.Rpc.Security;

namespace KiPlatform.FirstWave;

/// <summary>
/// The four services of a running stack, called with development tokens signed by the key the AppHost generated (as
/// scripts/dev-token.sh makes them): each call names the party it is made as. A call the service could not take
/// (UNAVAILABLE) is retried by the channel; every command carries a request_id, so a retry never doubles an effect.
/// </summary>
public sealed class PlatformConnection : IDisposable
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    private readonly string _signingKey;
    private readonly TimeProvider _clock;
    private readonly Dictionary<Party, (string Token, DateTimeOffset Expires)> _tokens = [];

    public PlatformConnection(PlatformAddresses addresses, string signingKey, TimeProvider clock)
    {
        _signingKey = signingKey;
        _clock = clock;
        Applications = Open(addresses.Applications);
        Staffing = Open(addresses.Staffing);
        Funding = Open(addresses.Funding);
        Notifications = Open(addresses.Notifications);
    }

    public GrpcChannel Applications { get; }

    public GrpcChannel Staffing { get; }

    public GrpcChannel Funding { get; }

    public GrpcChannel Notifications { get; }

    public TimeProvider Clock => _clock;

    /// <summary>Call options for a call made as <paramref name="party"/>, with the usual deadline.</summary>
    public CallOptions As(Party party, CancellationToken cancellationToken, Metadata? extraHeaders = null)
    {
        var headers = new Metadata { { "authorization", $"Bearer {TokenOf(party)}" } };
        foreach (var header in extraHeaders ?? [])
        {
            headers.Add(header);
        }

        return new CallOptions(headers, _clock.GetUtcNow().Add(CallDeadline).UtcDateTime, cancellationToken);
    }

    public void Dispose()
    {
        Applications.Dispose();
        Staffing.Dispose();
        Funding.Dispose();
        Notifications.Dispose();
    }

    private string TokenOf(Party party)
    {
        lock (_tokens)
        {
            var now = _clock.GetUtcNow();
            if (!_tokens.TryGetValue(party, out var held) || held.Expires - now < TimeSpan.FromMinutes(5))
            {
                held = (DevelopmentTokens.Create(_signingKey, party.Role, party.Ags, TokenLifetime, _clock), now + TokenLifetime);
                _tokens[party] = held;
            }

            return held.Token;
        }
    }

    private static GrpcChannel Open(Uri address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        ServiceConfig = new ServiceConfig
        {
            MethodConfigs =
            {
                new MethodConfig
                {
                    Names = { MethodName.Default },
                    RetryPolicy = new RetryPolicy
                    {
                        MaxAttempts = 5,
                        InitialBackoff = TimeSpan.FromMilliseconds(500),
                        MaxBackoff = TimeSpan.FromSeconds(5),
                        BackoffMultiplier = 2,
                        RetryableStatusCodes = { StatusCode.Unavailable },
                    },
                },
            },
        },
    });
}

/// <summary>Where the four services of a stack listen.</summary>
public sealed record PlatformAddresses(Uri Applications, Uri Staffing, Uri Funding, Uri Notifications)
{
    /// <summary>Where ./run.sh puts them (AppHost and services' appsettings.json).</summary>
    public static PlatformAddresses Local { get; } = new(
        new Uri("http://127.0.0.1:5101"), new Uri("http://127.0.0.1:5102"), new Uri("http://127.0.0.1:5103"), new Uri("http://127.0.0.1:5104"));
}

/// <summary>Who a call is made as: a role, and for a municipality its AGS.</summary>
public sealed record Party(string Role, string? Ags = null)
{
    public static Party Mais { get; } = new(Roles.Mais);

    public static Party Msw { get; } = new(Roles.Msw);

    public static Party Laki { get; } = new(Roles.Laki);

    public static Party Admin { get; } = new(Roles.Admin);

    public static Party Municipality(string ags) => new(Roles.Municipality, ags);
}
