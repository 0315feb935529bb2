using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Grpc.Core;
using KiPlatform.FirstWave;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Security;
using Microsoft.Extensions.DependencyInjection;

namespace KiPlatform.EndToEnd.Tests;

/// <summary>
/// The first wave, played once through the dashboard's "Seed first wave" command as an operator plays it, while Kreis
/// Soest follows its inbox live from before its application. The tests of <see cref="FirstWaveTests"/> read what it left.
/// </summary>
public sealed partial class FirstWaveFixture(PlatformFixture platform) : IAsyncLifetime
{
    public const string GoesOnAgs = FirstWaveMunicipality.GoesOnAgs;
    public const string DocumentsRequestedAgs = FirstWaveMunicipality.DocumentsRequestedAgs;
    public const string ReducedAgs = FirstWaveMunicipality.ReducedAgs;

    public static readonly string[] FirstWaveAgs =
        ["05117", "05122", "05124", "05158", "05358", "05370", "05570", "05754", "05766", "05774", "05914", "05954", "05962", "05966", "05974", "05978"];

    private readonly CancellationTokenSource _stop = new();
    private AsyncServerStreamingCall<StreamInboxItemsResponse>? _live;
    private Task? _following;

    /// <summary>What the command answered.</summary>
    public string Message { get; private set; } = "";

    /// <summary>The period the first wave applied for: the one holding the first day of next month.</summary>
    public string FundingPeriod { get; private set; } = "";

    /// <summary>The trace of one approval, as the command names it.</summary>
    public string ApprovalTraceId { get; private set; } = "";

    /// <summary>The subject resources of the items Kreis Soest's live stream received, in order.</summary>
    public ConcurrentQueue<string> PushedToGoesOn { get; } = new();

    public async ValueTask InitializeAsync()
    {
        _live = new InboxService.InboxServiceClient(platform.Channel("notifications", Roles.Municipality, GoesOnAgs))
            .StreamInboxItems(new StreamInboxItemsRequest { Parent = $"recipients/municipality-{GoesOnAgs}" }, cancellationToken: _stop.Token);
        if (!await _live.ResponseStream.MoveNext(_stop.Token) || _live.ResponseStream.Current.EventCase != StreamInboxItemsResponse.EventOneofCase.CaughtUp)
        {
            throw new InvalidOperationException("The live stream of Kreis Soest did not start with caught_up.");
        }

        _following = FollowAsync(_live.ResponseStream);

        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var result = await platform.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync("applications", "seed-first-wave", deadline.Token);
        Message = result.Message ?? "";
        if (!result.Success)
        {
            throw new InvalidOperationException($"Seed first wave failed: {Message}");
        }

        FundingPeriod = PeriodPattern().Match(Message).Groups[1].Value;
        ApprovalTraceId = TracePattern().Match(Message).Groups[1].Value;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_following is not null)
        {
            await _following;
        }

        _live?.Dispose();
        _stop.Dispose();
    }

    private async Task FollowAsync(IAsyncStreamReader<StreamInboxItemsResponse> stream)
    {
        try
        {
            while (await stream.MoveNext(_stop.Token))
            {
                PushedToGoesOn.Enqueue(stream.Current.Item.SubjectResource);
            }
        }
        catch (Exception e) when (e is OperationCanceledException || (e is RpcException r && r.StatusCode == StatusCode.Cancelled))
        {
            // Stopped with the fixture.
        }
    }

    [GeneratedRegex(@"for (fundingPeriods/[0-9]{4})")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex("trace ([0-9a-f]{32})")]
    private static partial Regex TracePattern();
}
