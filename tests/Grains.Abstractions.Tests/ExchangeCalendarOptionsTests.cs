using DeltaStream.Calendars;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DeltaStream.Tests;

public sealed class ExchangeCalendarOptionsTests
{
    [Fact]
    public void Configuration_adds_a_2028_us_list_over_the_embedded_years_without_a_build()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["DeltaStream:Calendars:Markets:US:Years:0"] = "2028",
            ["DeltaStream:Calendars:Markets:US:Source"] = "NYSE 2028 list",
            ["DeltaStream:Calendars:Markets:US:Holidays:0:Date"] = "2028-01-17",
            ["DeltaStream:Calendars:Markets:US:Holidays:0:Name"] = "Martin Luther King, Jr. Day",
            ["DeltaStream:Calendars:Markets:US:EarlyCloses:0:Date"] = "2028-07-03",
            ["DeltaStream:Calendars:Markets:US:EarlyCloses:0:Close"] = "13:00",
            ["DeltaStream:Calendars:Markets:US:EarlyCloses:0:Name"] = "Day before Independence Day",
        });

        var us = services.GetRequiredService<ExchangeCalendars>().Get("US");

        Assert.True(us.Covers(new DateOnly(2028, 1, 17)));
        Assert.False(us.IsTradingDay(new DateOnly(2028, 1, 17)));
        Assert.Equal([new MarketHoliday(new(2028, 1, 17), "Martin Luther King, Jr. Day")], us.Holidays(new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31)));
        Assert.True(us.Session(new DateOnly(2028, 7, 3))!.EarlyClose);
        Assert.False(us.IsTradingDay(new DateOnly(2026, 4, 3)));
        Assert.True(us.Covers(new DateOnly(2027, 1, 1)));
        Assert.EndsWith("Configured: NYSE 2028 list", us.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_year_replaces_that_years_embedded_list_so_a_provisional_year_can_be_finalised()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["DeltaStream:Calendars:Markets:NSE:Years:0"] = "2027",
            ["DeltaStream:Calendars:Markets:NSE:Source"] = "NSE 2027 circular",
            ["DeltaStream:Calendars:Markets:NSE:Holidays:0:Date"] = "2027-03-26",
            ["DeltaStream:Calendars:Markets:NSE:Holidays:0:Name"] = "Good Friday",
        });

        var nse = services.GetRequiredService<ExchangeCalendars>().Get("NSE");

        Assert.Equal([new MarketHoliday(new(2027, 3, 26), "Good Friday")], nse.Holidays(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)));
        Assert.Equal(16, nse.Holidays(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)).Count);
    }

    [Fact]
    public void A_new_market_can_be_configured_whole()
    {
        using var services = Services(new Dictionary<string, string?>
        {
            ["DeltaStream:Calendars:Markets:LSE:TimeZone"] = "Europe/London",
            ["DeltaStream:Calendars:Markets:LSE:Open"] = "08:00",
            ["DeltaStream:Calendars:Markets:LSE:Close"] = "16:30",
            ["DeltaStream:Calendars:Markets:LSE:Years:0"] = "2026",
            ["DeltaStream:Calendars:Markets:LSE:Source"] = "test",
        });

        var lse = services.GetRequiredService<ExchangeCalendars>().Get("LSE");

        Assert.Equal(510, lse.RegularSessionMinutes);
        Assert.Equal(new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc), lse.Session(new DateOnly(2026, 12, 7))!.OpenUtc);
    }

    [Fact]
    public void Start_up_fails_with_a_clear_message_for_each_bad_calendar_field()
    {
        var options = new ExchangeCalendarOptions
        {
            Markets =
            {
                ["NSE"] = new MarketCalendarDefinition { TimeZone = "Mars/Olympus" },
                ["XX"] = new MarketCalendarDefinition
                {
                    TimeZone = "UTC",
                    PreOpen = new TimeOnly(17, 0),
                    Open = new TimeOnly(16, 0),
                    Close = new TimeOnly(9, 0),
                    Years = [2026, 2026],
                    Holidays = [new() { Date = new(2029, 1, 1), Name = "New Year" }, new() { Date = new(2026, 1, 2), Name = "A" }, new() { Date = new(2026, 1, 2), Name = "B" }],
                    EarlyCloses = [new() { Date = new(2026, 1, 2), Close = new(12, 0), Name = "Half day" }],
                },
            },
        };

        var result = new ExchangeCalendarOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("NSE: unknown time zone 'Mars/Olympus'.", result.Failures!);
        Assert.Contains("XX: Close (09:00) must be after Open (16:00).", result.Failures!);
        Assert.Contains("XX: PreOpen (17:00) must be before Open (16:00).", result.Failures!);
        Assert.Contains("XX: Source is required: name the circular or notice the lists come from.", result.Failures!);
        Assert.Contains("XX: year 2026 is listed more than once.", result.Failures!);
        Assert.Contains("XX: holiday 2029-01-01 (New Year) is outside the covered years (2026, 2026).", result.Failures!);
        Assert.Contains("XX: holiday 2026-01-02 is listed more than once.", result.Failures!);
        Assert.Contains("XX: 2026-01-02 is listed both as a holiday and as an early close.", result.Failures!);
    }

    [Fact]
    public void Bad_configuration_stops_the_calendars_from_being_built()
    {
        using var services = Services(new Dictionary<string, string?> { ["DeltaStream:Calendars:Markets:US:TimeZone"] = "Nowhere/Town" });

        var error = Assert.Throws<OptionsValidationException>(services.GetRequiredService<ExchangeCalendars>);

        Assert.Contains("US: unknown time zone 'Nowhere/Town'.", error.Failures);
    }

    [Fact]
    public void The_embedded_defaults_are_valid()
    {
        Assert.True(new ExchangeCalendarOptionsValidator().Validate(null, new ExchangeCalendarOptions()).Succeeded);
    }

    /// <summary>The options registered as AddMarketReferenceData registers them.</summary>
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddOptions<ExchangeCalendarOptions>().Bind(configuration.GetSection(ExchangeCalendarOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExchangeCalendarOptions>, ExchangeCalendarOptionsValidator>();
        services.AddSingleton<ExchangeCalendars>();
        return services.BuildServiceProvider();
    }
}
