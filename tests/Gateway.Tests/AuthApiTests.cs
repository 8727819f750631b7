using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DeltaStream.Testing;

namespace DeltaStream.Gateway.Tests;

/// <summary>API.md "Auth": register, login, refresh, logout and me over real HTTP.</summary>
public sealed class AuthApiTests(GatewayFactory factory)
{
    private readonly HttpClient anonymous = factory.CreateClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_answers_201_with_a_token_pair_and_the_user_and_login_answers_the_same_shape()
    {
        var email = TestAccounts.NewEmail();

        var registered = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, password = TestAccounts.Password }, Cancel);
        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestAccounts.Password }, Cancel);

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        foreach (var response in new[] { registered, login })
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            Assert.Equal(["token", "refreshToken", "expiresAt", "user"], body.EnumerateObject().Select(p => p.Name));
            Assert.Equal(["id", "email"], body.GetProperty("user").EnumerateObject().Select(p => p.Name));
            Assert.Equal(email, body.GetProperty("user").GetProperty("email").GetString());
            Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        }
    }

    [Fact]
    public async Task Me_answers_the_signed_in_users_id_and_email()
    {
        var user = await TestAccounts.RegisterAsync(anonymous, cancellationToken: Cancel);
        using var http = TestAccounts.Authorize(factory.CreateClient(), user);

        var me = await http.GetFromJsonAsync<JsonElement>("/api/v1/auth/me", Cancel);

        Assert.Equal(user.User.Id, me.GetProperty("id").GetGuid());
        Assert.Equal(user.User.Email, me.GetProperty("email").GetString());
    }

    [Fact]
    public async Task The_same_email_in_other_case_is_a_409_and_the_first_account_still_signs_in()
    {
        var email = TestAccounts.NewEmail();
        await TestAccounts.RegisterAsync(anonymous, email, Cancel);

        var again = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email = "  " + email.ToUpperInvariant(), password = "another-pass-1" }, Cancel);
        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = email.ToUpperInvariant(), password = TestAccounts.Password }, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Theory]
    [InlineData("not-an-email", "test-password-42", "email")]
    [InlineData("a@b", "test-password-42", "email")]
    [InlineData("two words@example.com", "test-password-42", "email")]
    [InlineData("", "test-password-42", "email")]
    [InlineData(null, "test-password-42", "email")]
    [InlineData("{new}", "short1", "password")]
    [InlineData("{new}", "onlyletters", "password")]
    [InlineData("{new}", "password1", "password")]
    [InlineData("{new}", "", "password")]
    [InlineData("{new}", null, "password")]
    public async Task A_bad_email_or_weak_password_is_a_400_naming_the_field(string? email, string? password, string field)
    {
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email = email == "{new}" ? TestAccounts.NewEmail() : email, password }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData("password1")]
    [InlineData("PassWord1")]
    [InlineData("trustno1")]
    [InlineData("abcd1234")]
    public async Task A_common_password_is_refused_at_registration_in_any_case_saying_why(string password)
    {
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email = TestAccounts.NewEmail(), password }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Contains("most common passwords", problem.GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_longer_than_128_characters_and_a_body_that_is_not_json_are_400()
    {
        var tooLong = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email = TestAccounts.NewEmail(), password = new string('a', 120) + "1234567890" }, Cancel);
        var notJson = await anonymous.PostAsync("/api/v1/auth/login", new StringContent("{email:", System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401()
    {
        var user = await TestAccounts.RegisterAsync(anonymous, cancellationToken: Cancel);

        var wrongPassword = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.User.Email, password = "wrong-password-1" }, Cancel);
        var unknownEmail = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = TestAccounts.NewEmail(), password = TestAccounts.Password }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        var (a, b) = (await wrongPassword.Content.ReadFromJsonAsync<JsonElement>(Cancel), await unknownEmail.Content.ReadFromJsonAsync<JsonElement>(Cancel));
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Refresh_rotates_the_pair_and_a_reused_refresh_token_revokes_its_whole_family()
    {
        var user = await TestAccounts.RegisterAsync(anonymous, cancellationToken: Cancel);

        var first = await RefreshAsync(user.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var pair = await first.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(["token", "refreshToken", "expiresAt"], pair.EnumerateObject().Select(p => p.Name));
        var next = pair.GetProperty("refreshToken").GetString()!;
        Assert.NotEqual(user.RefreshToken, next);
        using var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pair.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/underlyings", Cancel)).StatusCode);

        var reused = await RefreshAsync(user.RefreshToken);
        var afterTheft = await RefreshAsync(next);

        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterTheft.StatusCode);
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_family_and_other_sign_ins_keep_working()
    {
        var user = await TestAccounts.RegisterAsync(anonymous, cancellationToken: Cancel);
        var other = await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = user.User.Email, password = TestAccounts.Password }, Cancel))
            .Content.ReadFromJsonAsync<SignedInUser>(Cancel);

        var logout = await anonymous.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = user.RefreshToken }, Cancel);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(user.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(other!.RefreshToken)).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("dsr_")]
    [InlineData("dsr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not a token at all")]
    [InlineData(null)]
    public async Task An_unknown_or_malformed_refresh_token_is_401(string? token)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(token)).StatusCode);
    }

    [Fact]
    public async Task A_long_refresh_token_is_401_without_reaching_storage_and_one_past_the_body_limit_is_413()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync("dsr_" + new string('A', 2_000))).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await RefreshAsync("dsr_" + new string('A', 100_000))).StatusCode);
    }

    private Task<HttpResponseMessage> RefreshAsync(string? refreshToken) =>
        anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken }, Cancel);
}
