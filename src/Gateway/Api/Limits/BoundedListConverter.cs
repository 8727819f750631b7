using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaStream.Gateway.Api.Limits;

/// <summary>
/// Reads a JSON array and stops at the first element past <c>max</c>, so a huge array (even of empty objects, three
/// bytes each) is never materialised: the bound holds while the body is read, not after.
/// </summary>
internal abstract class BoundedListConverter<T>(int max, string field, string noun, string shape) : JsonConverter<IReadOnlyList<T>>
{
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"{field} must be an array of {noun} {shape}.");
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (items.Count == max)
            {
                throw new JsonException($"{field} may hold at most {max:N0} {noun}.");
            }

            items.Add(JsonSerializer.Deserialize<T>(ref reader, options)!);
        }

        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToArray(), options);
}
