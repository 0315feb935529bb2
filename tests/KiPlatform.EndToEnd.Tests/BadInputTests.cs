using System.Collections;
using System.Diagnostics;
using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Health.V1;
using KiPlatform.Applications.V1;
using KiPlatform.Rpc.Security;

namespace KiPlatform.EndToEnd.Tests;

/// <summary>
/// Every RPC of every service, found in the compiled contracts (so an RPC is covered the day it is added), driven with
/// requests no client generated from the protos would send. Each must be answered within its deadline with a status
/// that names the caller's mistake (never INTERNAL or UNKNOWN), leave its connection serving the next call, and change
/// nothing.
/// </summary>
public sealed class BadInputTests(PlatformFixture platform)
{
    private const string Ags = "05762"; // Kreis Höxter; no other test applies for it
    private const string StaleEtag = "\"00000000\"";
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_rpc_answers_malformed_requests_with_a_specific_status_and_changes_nothing()
    {
        var owner = new ApplicationService.ApplicationServiceClient(platform.Channel("applications", Roles.Municipality, Ags));
        var application = await owner.CreateApplicationAsync(new CreateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { Municipality = $"municipalities/{Ags}", FundingPeriod = "fundingPeriods/2013" },
        }, cancellationToken: Ct);
        var resourceNames = new Dictionary<string, string>
        {
            ["ki.applications.v1.ApplicationService"] = application.Name,
            ["ki.applications.v1.MunicipalityService"] = $"municipalities/{Ags}",
            ["ki.staffing.v1.PostPlanService"] = $"postPlans/{Ags}",
            ["ki.funding.v1.FundingPeriodService"] = "fundingPeriods/2013",
            ["ki.funding.v1.GrantService"] = "grants/0193b4c8-7e1f-7a00-8c1e-3b9d2f4a6e10",
            ["ki.funding.v1.DisbursementService"] = "grants/0193b4c8-7e1f-7a00-8c1e-3b9d2f4a6e10/disbursements/0193b4c8-7e1f-7a00-8c1e-3b9d2f4a6e11",
            ["ki.funding.v1.ProofOfUseService"] = "grants/0193b4c8-7e1f-7a00-8c1e-3b9d2f4a6e10/proofOfUse",
            ["ki.notifications.v1.InboxService"] = $"recipients/municipality-{Ags}",
            ["ki.notifications.v1.DeliveryPreferencesService"] = $"recipients/municipality-{Ags}/deliveryPreferences",
            ["ki.notifications.v1.MailDeliveryService"] = "recipients/admin", // names no resource; admin's alone
        };

        var tried = 0;
        var failures = new List<string>();
        foreach (var service in ContractServices())
        {
            var resource = resourceNames.GetValueOrDefault(service.FullName)
                ?? throw new InvalidOperationException($"Name a resource of {service.FullName} for the bad-input test to aim at.");
            foreach (var (role, ags) in new[] { (Roles.Municipality, Ags), (Roles.Mais, (string?)null) })
            {
                var channel = platform.Channel(ServiceResource(service), role, ags);
                var invoker = channel.CreateCallInvoker();
                var health = new Health.HealthClient(channel);
                foreach (var method in service.Methods)
                {
                    foreach (var badCase in BadRequests.For(method, resource))
                    {
                        tried++;
                        var failure = await TryAsync(invoker, health, method, badCase);
                        if (failure is not null)
                        {
                            failures.Add($"{method.FullName} as {role}, {badCase.What}: {failure}");
                        }
                    }
                }
            }
        }

        var after = await owner.GetApplicationAsync(new GetApplicationRequest { Name = application.Name }, cancellationToken: Ct);
        var listed = await owner.ListApplicationsAsync(new ListApplicationsRequest { Municipality = $"municipalities/{Ags}" }, cancellationToken: Ct);
        await TestReport.WriteLineAsync($"Bad input: {tried} cases tried across every RPC of every service, {failures.Count} failed.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} cases failed:\n" + string.Join("\n", failures.Take(25)));
        Assert.Equal(application.Etag, after.Etag);
        Assert.Single(listed.Applications);
        Assert.True(tried > 1_000, $"only {tried} cases were tried");
    }

    private static async Task<string?> TryAsync(CallInvoker invoker, Health.HealthClient health, MethodDescriptor method, BadRequest badCase)
    {
        var started = Stopwatch.GetTimestamp();
        var options = new CallOptions(deadline: DateTime.UtcNow + CallDeadline, cancellationToken: Ct);
        var fullName = $"{method.Service.FullName}/{method.Name}";
        var error = method.IsServerStreaming
            ? await invoker.ServerStreamingAsync(fullName, badCase.Body, options)
            : await invoker.UnaryAsync(fullName, badCase.Body, options);
        if (error?.StatusCode is StatusCode.Internal or StatusCode.Unknown or StatusCode.DeadlineExceeded or StatusCode.Unavailable)
        {
            return $"{error.StatusCode} after {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms: {error.Status.Detail[..Math.Min(200, error.Status.Detail.Length)]}";
        }

        try
        {
            var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + CallDeadline, cancellationToken: Ct);
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? null : $"the next call on the connection found {reply.Status}";
        }
        catch (RpcException next)
        {
            return $"the next call on the connection failed: {next.StatusCode}";
        }
    }

    /// <summary>The services of the platform's contracts compiled into this assembly.</summary>
    private static IEnumerable<ServiceDescriptor> ContractServices() =>
        typeof(BadInputTests).Assembly.GetTypes()
            .Where(type => type.Name.EndsWith("Reflection", StringComparison.Ordinal) && type.Namespace?.StartsWith("KiPlatform.", StringComparison.Ordinal) == true)
            .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as FileDescriptor)
            .OfType<FileDescriptor>()
            .Where(file => file.Package.StartsWith("ki.", StringComparison.Ordinal))
            .SelectMany(file => file.Services)
            .OrderBy(service => service.FullName, StringComparer.Ordinal);

    /// <summary>The AppHost resource serving a package <c>ki.{service}.v1</c>.</summary>
    private static string ServiceResource(ServiceDescriptor service) => service.File.Package.Split('.')[1];

    private sealed record BadRequest(string What, byte[] Body);

    /// <summary>
    /// The bad requests for one RPC: bodies that cannot be decoded, and a plausible request (the test's resource named,
    /// a fresh request_id, a stale etag so that no command can take effect) with one field made bad at a time.
    /// </summary>
    private static class BadRequests
    {
        private const int MaxDepth = 3;

        public static IEnumerable<BadRequest> For(MethodDescriptor method, string resourceName)
        {
            var plausible = Plausible(method.InputType, resourceName, 0).ToByteArray();
            yield return new("garbage body", [0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x02]);
            yield return new("truncated body", plausible.Length > 2 ? plausible[..(plausible.Length / 2)] : [0x0a, 0x05, 0x61]);
            if (method.InputType.Fields.InFieldNumberOrder().FirstOrDefault(f => f.FieldType == FieldType.String && !f.IsRepeated) is { } text)
            {
                yield return new($"invalid UTF-8 in {text.Name}", [.. plausible, (byte)((text.FieldNumber << 3) | 2), 0x02, 0xc3, 0x28]);
            }

            foreach (var path in FieldPaths(method.InputType, [], 0))
            {
                foreach (var (what, value) in BadValues(path[^1]))
                {
                    var request = Plausible(method.InputType, resourceName, 0);
                    Set(request, path, value);
                    yield return new($"{string.Join('.', path.Select(f => f.Name))} {what}", request.ToByteArray());
                }
            }
        }

        private static IEnumerable<(string What, object Value)> BadValues(FieldDescriptor field)
        {
            if (field.IsRepeated)
            {
                yield return ("with 2,000 entries", Enumerable.Repeat(field.FieldType switch
                {
                    FieldType.String => (object)"x",
                    FieldType.Message => Activator.CreateInstance(field.MessageType.ClrType)!,
                    FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, 0),
                    FieldType.Double => 0d,
                    FieldType.Int64 => 0L,
                    _ => 0,
                }, 2_000).ToList());
                yield break;
            }

            switch (field.FieldType)
            {
                case FieldType.String:
                    // An empty etag is no bad input: it asks for no check, and the command would take effect.
                    if (field.Name != "etag")
                    {
                        yield return ("empty", "");
                    }

                    yield return ("of 20,000 characters", new string('x', 20_000));
                    yield return ("with NUL", "Kreis\0Soest");
                    yield return ("with ESC", "Kreis\u001b[2JSoest");
                    yield return ("a malformed resource name", "municipalities/../../etc/passwd");
                    yield return ("a garbage page token", "bm90IGEgdG9rZW4=");
                    break;
                case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32:
                    yield return ("-1", -1);
                    yield return ("int.MinValue", int.MinValue);
                    yield return ("int.MaxValue", int.MaxValue);
                    break;
                case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64:
                    yield return ("-1", -1L);
                    yield return ("long.MaxValue", long.MaxValue);
                    break;
                case FieldType.Double:
                    yield return ("NaN", double.NaN);
                    yield return ("-1", -1d);
                    yield return ("1e308", 1e308);
                    break;
                case FieldType.Enum:
                    yield return ("an undeclared enum value", Enum.ToObject(field.EnumType.ClrType, 999));
                    break;
            }
        }

        /// <summary>Every field worth making bad, as a path from the request, into messages of the contracts and google.type.</summary>
        private static IEnumerable<FieldDescriptor[]> FieldPaths(MessageDescriptor message, FieldDescriptor[] prefix, int depth)
        {
            foreach (var field in message.Fields.InFieldNumberOrder())
            {
                FieldDescriptor[] path = [.. prefix, field];
                if (field.FieldType == FieldType.Message && !field.IsRepeated && !field.IsMap)
                {
                    if (depth < MaxDepth && Explored(field.MessageType))
                    {
                        foreach (var inner in FieldPaths(field.MessageType, path, depth + 1))
                        {
                            yield return inner;
                        }
                    }
                }
                else if (!field.IsMap && field.FieldType is not FieldType.Bool and not FieldType.Bytes)
                {
                    yield return path;
                }
            }
        }

        private static bool Explored(MessageDescriptor message) =>
            message.FullName.StartsWith("ki.", StringComparison.Ordinal)
            || message.FullName.StartsWith("google.type.", StringComparison.Ordinal)
            || message.FullName == "google.protobuf.FieldMask";

        /// <summary>A request that names the test's resource, carries a fresh request_id and a stale etag.</summary>
        private static IMessage Plausible(MessageDescriptor descriptor, string resourceName, int depth)
        {
            var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
            foreach (var field in descriptor.Fields.InFieldNumberOrder().Where(f => !f.IsRepeated && !f.IsMap))
            {
                object? value = (field.FieldType, field.Name) switch
                {
                    (FieldType.String, "name" or "parent") => resourceName,
                    (FieldType.String, "request_id") => Guid.NewGuid().ToString(),
                    (FieldType.String, "etag") => StaleEtag,
                    (FieldType.String, "municipality") => $"municipalities/{Ags}",
                    (FieldType.String, "funding_period") => "fundingPeriods/2013",
                    (FieldType.Message, _) when depth < MaxDepth && field.MessageType.FullName.StartsWith("ki.", StringComparison.Ordinal)
                        && field.ContainingOneof is null => Plausible(field.MessageType, resourceName, depth + 1),
                    _ => null,
                };
                if (value is not null)
                {
                    field.Accessor.SetValue(message, value);
                }
            }

            return message;
        }

        private static void Set(IMessage request, FieldDescriptor[] path, object value)
        {
            var target = request;
            foreach (var field in path[..^1])
            {
                if (field.Accessor.GetValue(target) is not IMessage inner)
                {
                    inner = (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!;
                    field.Accessor.SetValue(target, inner);
                }

                target = inner;
            }

            var last = path[^1];
            if (last.IsRepeated)
            {
                var list = (IList)last.Accessor.GetValue(target);
                foreach (var item in (IEnumerable)value)
                {
                    list.Add(item);
                }
            }
            else
            {
                last.Accessor.SetValue(target, value);
            }
        }
    }
}
