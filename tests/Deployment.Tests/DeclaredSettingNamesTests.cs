namespace DeltaStream.Deployment.Tests;

/// <summary>
/// Every variable the chart and compose pass names a setting a host reads: a misspelt or renamed one (the chart's
/// Jwt__SigningKey, read by nothing) is otherwise silently ignored, and the process runs on a default.
/// </summary>
public sealed class DeclaredSettingNamesTests
{
    private static readonly string[] ChartComponents = ["silo", "gateway", "feed"];
    private static readonly string[] ComposeServices = ["silo1", "silo2", "gateway", "feed"];

    [Theory]
    [MemberData(nameof(RenderedChart.ValueSets), MemberType = typeof(RenderedChart))]
    public async Task Every_variable_the_rendered_deployments_set_is_a_setting_a_host_reads(string valueSet)
    {
        var chart = await RenderedChart.RenderAsync(valueSet);
        var podFields = new Dictionary<string, string> { ["metadata.name"] = "pod", ["metadata.namespace"] = "default", ["status.podIP"] = "10.0.0.1" };

        var names = ChartComponents.SelectMany(c => ContainerEnvironment.Resolve(chart, chart.Container(c), podFields).Keys).Distinct();

        Assert.Equal([], names.Where(n => !HostSettings.IsRead(n)));
    }

    [Fact]
    public async Task Every_variable_the_compose_services_set_is_a_setting_a_host_reads()
    {
        var compose = await ComposeFile.ReadAsync();

        var names = ComposeServices.SelectMany(s => compose.Environment(s, ComposeFile.OperatorVariables).Keys).Distinct();

        Assert.Equal([], names.Where(n => !HostSettings.IsRead(n)));
    }

    [Theory]
    [InlineData("Jwt__SigningKey")]
    [InlineData("DeltaStream__Auth__SigningKy")]
    [InlineData("DeltaStream__Metrics__Ports")]
    [InlineData("ConnectionStrings__Mongo")]
    public void A_misspelt_or_renamed_setting_is_not_taken_for_one_a_host_reads(string variable) => Assert.False(HostSettings.IsRead(variable));

    [Theory]
    [InlineData("DeltaStream__Auth__SigningKey")]
    [InlineData("DeltaStream__Metrics__Port")]
    [InlineData("ConnectionStrings__MongoDB")]
    [InlineData("POD_NAME")]
    public void The_settings_the_deployments_rely_on_are_found_where_they_are_read(string variable) => Assert.True(HostSettings.IsRead(variable));
}
