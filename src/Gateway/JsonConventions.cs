using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaStream.Gateway;

/// <summary>One JSON shape for REST and SignalR: camelCase names, enums as camelCase strings.</summary>
internal static class JsonConventions
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }
}
