using Microsoft.Extensions.DependencyInjection;

namespace KiPlatform.Infrastructure;

/// <summary>
/// A scoped service resolved on first use rather than when its consumer is created. A gRPC service is created for every
/// call, and resolving its pooled DbContext leases one from the pool and resets it afterwards, even on a call that a
/// cache answers without the database; deferring that spares the hottest reads the work. Microsoft's container has no
/// Lazy&lt;T&gt; support and no library served here adds it, hence this type.
/// </summary>
public sealed class Deferred<T>(IServiceProvider services) where T : notnull
{
    private T? _value;

    public T Value => _value ??= services.GetRequiredService<T>();
}
