using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace KiPlatform.Rpc.Contracts;

/// <summary>Responses cached as their serialized bytes, decoded once per byte array.</summary>
public static class CachedMessages
{
    /// <summary>
    /// Each cached response decoded once: a memory-cache hit hands out the same byte array, so it gets the same message.
    /// The messages are shared between calls and must not be changed.
    /// </summary>
    private static readonly ConditionalWeakTable<byte[], IMessage> Decoded = new();

    public static T Decode<T>(byte[] bytes, MessageParser<T> parser) where T : IMessage<T>
    {
        if (Decoded.TryGetValue(bytes, out var decoded))
        {
            return (T)decoded;
        }

        var message = parser.ParseFrom(bytes);
        Decoded.AddOrUpdate(bytes, message);
        return message;
    }
}
