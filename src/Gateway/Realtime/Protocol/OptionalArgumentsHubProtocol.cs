using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace DeltaStream.Gateway.Realtime.Protocol;

/// <summary>
/// Lets clients leave out a hub method's trailing parameters that have default values (SubscribeChain's throttle),
/// which SignalR itself does not allow: an invocation that fails to bind is parsed again with fewer parameters
/// and completed with the defaults. Any other message, and any invocation that still does not bind, is exactly
/// what the wrapped protocol parsed.
/// </summary>
internal sealed class OptionalArgumentsHubProtocol(IHubProtocol inner, Type hub) : IHubProtocol
{
    private readonly Dictionary<string, ParameterInfo[]> methods = hub
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => m.GetParameters().Any(p => p.HasDefaultValue))
        .ToDictionary(m => m.Name, m => m.GetParameters(), StringComparer.OrdinalIgnoreCase);

    public string Name => inner.Name;

    public int Version => inner.Version;

    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        var original = input;
        if (!inner.TryParseMessage(ref input, binder, out message))
        {
            return false;
        }

        if (message is InvocationBindingFailureMessage failure && methods.TryGetValue(failure.Target, out var parameters))
        {
            for (var given = parameters.Length - 1; given >= 0 && parameters[given].HasDefaultValue; given--)
            {
                var retry = original;
                if (inner.TryParseMessage(ref retry, new ShortenedBinder(binder, failure.Target, given), out var shorter)
                    && shorter is InvocationMessage invocation)
                {
                    var arguments = new object?[parameters.Length];
                    invocation.Arguments.CopyTo(arguments, 0);
                    for (var i = given; i < parameters.Length; i++)
                    {
                        arguments[i] = parameters[i].DefaultValue;
                    }

                    message = new InvocationMessage(invocation.InvocationId, invocation.Target, arguments, invocation.StreamIds) { Headers = invocation.Headers };
                    input = retry;
                    break;
                }
            }
        }

        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    /// <summary>The hub's binder, except that <paramref name="target"/> takes only its first <paramref name="count"/> parameters.</summary>
    private sealed class ShortenedBinder(IInvocationBinder binder, string target, int count) : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) =>
            string.Equals(methodName, target, StringComparison.OrdinalIgnoreCase)
                ? [.. binder.GetParameterTypes(methodName).Take(count)]
                : binder.GetParameterTypes(methodName);

        public Type GetReturnType(string invocationId) => binder.GetReturnType(invocationId);

        public Type GetStreamItemType(string streamId) => binder.GetStreamItemType(streamId);

        public string? GetTarget(ReadOnlySpan<byte> utf8Bytes) => binder.GetTarget(utf8Bytes);
    }
}
