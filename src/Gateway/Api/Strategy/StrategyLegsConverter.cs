using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaStream.Gateway.Api.Strategy;

/// <summary>Reads <c>legs</c> and stops at the first leg past <see cref="StrategyRequestReader.MaxLegs"/>, so a huge array is never materialised.</summary>
internal sealed class StrategyLegsConverter : JsonConverter<IReadOnlyList<StrategyLegRequest>>
{
    public override IReadOnlyList<StrategyLegRequest>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("legs must be an array of legs {right, strike, side, lots}.");
        }

        var legs = new List<StrategyLegRequest>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (legs.Count == StrategyRequestReader.MaxLegs)
            {
                throw new JsonException($"legs may hold at most {StrategyRequestReader.MaxLegs} legs.");
            }

            legs.Add(JsonSerializer.Deserialize<StrategyLegRequest>(ref reader, options)!);
        }

        return legs;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<StrategyLegRequest> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToArray(), options);
}
