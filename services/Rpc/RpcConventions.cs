using System.Reflection;
using FluentValidation;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Hosting;
using KiPlatform.Rpc.Errors;
using KiPlatform.Rpc.Paging;
using KiPlatform.Rpc.Security;
using KiPlatform.Rpc.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace KiPlatform.Rpc;

public static class RpcConventions
{
    /// <summary>
    /// The conventions every service's gRPC endpoints follow: errors mapped in one place, bearer-token authentication
    /// and per-RPC authorization, request validation before any work, signed page tokens, and a start-up check that
    /// no RPC lacks a validator or an access rule. Interceptors run in that order, outermost first.
    /// </summary>
    public static IHostApplicationBuilder AddRpcConventions(this IHostApplicationBuilder builder)
    {
        // Messages name fields as the contract does ("page_size"), not as C# does ("Page Size").
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : ProtoFieldPath.FromPropertyPath(member.Name);

        builder.Services.AddRequestDecoding();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PlatformRpcs>();
        // Stateless, so one instance each serves every call instead of one per call.
        builder.Services.AddSingleton<ErrorMappingInterceptor>();
        builder.Services.AddSingleton<AuthorizationInterceptor>();
        builder.Services.AddSingleton<ValidationInterceptor>();
        builder.Services.Configure<GrpcServiceOptions>(options =>
        {
            options.Interceptors.Add<ErrorMappingInterceptor>();
            options.Interceptors.Add<AuthorizationInterceptor>();
            options.Interceptors.Add<ValidationInterceptor>();
        });
        builder.AddPlatformAuthentication();
        builder.Services.AddOptions<PagingOptions>()
            .BindConfiguration(PagingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<PageTokens>();
        builder.Services.AddSingleton<KeysetPaging>();
        builder.Services.AddTransient<IStartupFilter, RpcConventionsCheck>();
        return builder;
    }

    /// <summary>
    /// A service's own RPCs: who may call each (<paramref name="accessRules"/>) and the validators of their requests,
    /// found in <paramref name="validatorAssembly"/>.
    /// </summary>
    public static IHostApplicationBuilder AddRpcContract(this IHostApplicationBuilder builder, RpcAccessRules accessRules, Assembly validatorAssembly)
    {
        builder.Services.AddSingleton(accessRules);
        builder.Services.AddValidatorsFromAssembly(validatorAssembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return builder;
    }
}
