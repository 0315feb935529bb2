using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using KiPlatform.Rpc.Errors;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KiPlatform.Rpc.Validation;

/// <summary>
/// A request body that is no valid protobuf message of the RPC's request type (truncated, garbage, invalid UTF-8 in a
/// string field) is refused with INVALID_ARGUMENT, reason MALFORMED_REQUEST. grpc-dotnet decodes the body before any
/// interceptor runs and reports a decoding failure as UNKNOWN "Exception was thrown by handler" (logged as an error),
/// so the decoding itself is wrapped: each service's methods are bound as grpc-dotnet's own binder binds them, from
/// the generated BindService method, with a request marshaller that turns the decoder's exception into that status.
/// </summary>
public static class RequestDecoding
{
    public const string MalformedRequestReason = "MALFORMED_REQUEST";

    /// <summary>Replaces grpc-dotnet's binder of generated services (its binder of service definitions stays); call after AddGrpc.</summary>
    public static IServiceCollection AddRequestDecoding(this IServiceCollection services)
    {
        var generatedServicesBinder = services.Where(service => service.ServiceType == typeof(IServiceMethodProvider<>)
            && service.ImplementationType?.Name.StartsWith("BinderServiceMethodProvider", StringComparison.Ordinal) == true).ToList();
        if (generatedServicesBinder.Count == 0)
        {
            throw new InvalidOperationException("AddGrpc must come before AddRequestDecoding: grpc-dotnet's binder to replace is not registered.");
        }

        generatedServicesBinder.ForEach(service => services.Remove(service));
        services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(DecodingServiceMethodProvider<>));
        return services;
    }

    internal static Method<TRequest, TResponse> Decoding<TRequest, TResponse>(Method<TRequest, TResponse> method)
    {
        var decode = method.RequestMarshaller.ContextualDeserializer;
        var marshaller = Marshallers.Create(method.RequestMarshaller.ContextualSerializer, context =>
        {
            try
            {
                return decode(context);
            }
            catch (InvalidProtocolBufferException)
            {
                throw RpcErrors.Create(Google.Rpc.Code.InvalidArgument,
                    $"The request body is not a valid {typeof(TRequest).Name} message (protobuf wire format, strings in UTF-8).", MalformedRequestReason);
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, method.ResponseMarshaller);
    }
}

/// <summary>Finds a service's generated <c>BindService(ServiceBinderBase, TServiceBase)</c> and binds through it.</summary>
internal sealed class DecodingServiceMethodProvider<TService> : IServiceMethodProvider<TService> where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        for (var type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } binding)
            {
                var bindService = binding.BindType.GetMethod(binding.BindMethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static,
                    [typeof(ServiceBinderBase), type]) ?? throw new InvalidOperationException($"{binding.BindType} has no {binding.BindMethodName}({type.Name}).");
                bindService.Invoke(null, [new Binder(context, type), null]);
                return;
            }
        }
    }

    /// <summary>Receives each method of the service (with no handler: the service instance comes per call) and maps it.</summary>
    private sealed class Binder(ServiceMethodProviderContext<TService> context, Type serviceBase) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var implementation = Implementation(method.Name, typeof(TRequest), typeof(ServerCallContext));
            context.AddUnaryMethod(RequestDecoding.Decoding(method), Metadata(implementation),
                implementation.CreateDelegate<UnaryServerMethod<TService, TRequest, TResponse>>());
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var implementation = Implementation(method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddServerStreamingMethod(RequestDecoding.Decoding(method), Metadata(implementation),
                implementation.CreateDelegate<ServerStreamingServerMethod<TService, TRequest, TResponse>>());
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var implementation = Implementation(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
            context.AddClientStreamingMethod(RequestDecoding.Decoding(method), Metadata(implementation),
                implementation.CreateDelegate<ClientStreamingServerMethod<TService, TRequest, TResponse>>());
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var implementation = Implementation(method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddDuplexStreamingMethod(RequestDecoding.Decoding(method), Metadata(implementation),
                implementation.CreateDelegate<DuplexStreamingServerMethod<TService, TRequest, TResponse>>());
        }

        /// <summary>The override of the generated base's virtual method; the base's own (UNIMPLEMENTED) when not overridden.</summary>
        private MethodInfo Implementation(string name, params Type[] parameters)
        {
            var method = typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters)
                ?? throw new InvalidOperationException($"{typeof(TService).Name} has no method {name}.");
            return method.IsVirtual && method.GetBaseDefinition().DeclaringType == serviceBase
                ? method
                : serviceBase.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters)!;
        }

        /// <summary>Endpoint metadata as grpc-dotnet gives it: the type's attributes, then the method's, and POST only.</summary>
        private static List<object> Metadata(MethodInfo implementation) =>
        [
            .. typeof(TService).GetCustomAttributes(inherit: true),
            .. implementation.GetCustomAttributes(inherit: true),
            new HttpMethodMetadata(["POST"], acceptCorsPreflight: true),
        ];
    }
}
