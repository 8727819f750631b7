using System.Text.Json;
using System.Text.Json.Nodes;
using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;

namespace DeltaStream.Gateway.Realtime.Protocol;

/// <summary>
/// MessagePack for DeltaStream's own types in exactly their JSON shape (<see cref="JsonConventions"/>: camelCase
/// keys, enums as camelCase strings, dates as ISO-8601 strings, absent dictionary entries absent), so JSON and
/// MessagePack clients read the same fields. Every other type (the hub's arguments: strings) goes to the standard
/// contractless resolver.
/// </summary>
internal sealed class JsonShapeResolver : IFormatterResolver
{
    public static readonly JsonShapeResolver Instance = new();

    public static readonly MessagePackSerializerOptions Options =
        MessagePackSerializerOptions.Standard.WithResolver(CompositeResolver.Create(Instance, ContractlessStandardResolver.Instance));

    private static readonly JsonSerializerOptions Json = CreateJson();

    public IMessagePackFormatter<T>? GetFormatter<T>() =>
        typeof(T).Namespace?.StartsWith("DeltaStream", StringComparison.Ordinal) == true ? Cache<T>.Formatter : null;

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonConventions.Apply(options);
        return options;
    }

    private static void Write(ref MessagePackWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var _ in element.EnumerateObject())
                {
                    count++;
                }

                writer.WriteMapHeader(count);
                foreach (var property in element.EnumerateObject())
                {
                    writer.Write(property.Name);
                    Write(ref writer, property.Value);
                }

                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    Write(ref writer, item);
                }

                break;
            case JsonValueKind.String:
                writer.Write(element.GetString());
                break;
            case JsonValueKind.Number when element.TryGetInt64(out var integer):
                writer.Write(integer);
                break;
            case JsonValueKind.Number:
                writer.Write(element.GetDouble());
                break;
            case JsonValueKind.True or JsonValueKind.False:
                writer.Write(element.GetBoolean());
                break;
            default:
                writer.WriteNil();
                break;
        }
    }

    private static JsonNode? Read(ref MessagePackReader reader)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Map:
                var map = new JsonObject();
                for (var i = reader.ReadMapHeader(); i > 0; i--)
                {
                    var name = reader.ReadString()!;
                    map[name] = Read(ref reader);
                }

                return map;
            case MessagePackType.Array:
                var array = new JsonArray();
                for (var i = reader.ReadArrayHeader(); i > 0; i--)
                {
                    array.Add(Read(ref reader));
                }

                return array;
            case MessagePackType.String:
                return JsonValue.Create(reader.ReadString());
            case MessagePackType.Integer:
                return JsonValue.Create(reader.ReadInt64());
            case MessagePackType.Float:
                return JsonValue.Create(reader.ReadDouble());
            case MessagePackType.Boolean:
                return JsonValue.Create(reader.ReadBoolean());
            case MessagePackType.Nil:
                reader.ReadNil();
                return null;
            default:
                throw new MessagePackSerializationException($"Unexpected MessagePack type {reader.NextMessagePackType}.");
        }
    }

    private static class Cache<T>
    {
        public static readonly IMessagePackFormatter<T> Formatter = new JsonShapeFormatter<T>();
    }

    private sealed class JsonShapeFormatter<T> : IMessagePackFormatter<T>
    {
        public void Serialize(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options) =>
            Write(ref writer, JsonSerializer.SerializeToElement(value, Json));

        public T Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
            Read(ref reader) is { } node ? node.Deserialize<T>(Json)! : default!;
    }
}
