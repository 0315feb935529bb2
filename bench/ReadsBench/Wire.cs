using System.Buffers.Binary;
using Google.Protobuf;

namespace KiPlatform.ReadsBench;

internal static class Wire
{
    /// <summary>A gRPC message on the wire, as h2load sends it: uncompressed flag, big-endian length, the message.</summary>
    public static byte[] Frame(IMessage message)
    {
        var body = message.ToByteArray();
        var frame = new byte[5 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)body.Length);
        body.CopyTo(frame, 5);
        return frame;
    }
}
