using ETicket.Domain;
using ETicket.Graph.Schema;

namespace ETicket.Graph.Members;

public static class MembersModule
{
    /// <summary>
    /// The members module: sign-in, sessions, profiles and the blacklist. Its domain services and
    /// settings, the sign-in rate limit (<c>ETicket:Members:SignInRateLimit</c>), and its fields.
    /// </summary>
    public static IServiceCollection AddMembersModule(this IServiceCollection services)
    {
        services.AddMembersDomain();
        services.AddOptions<SignInRateLimitOptions>().BindConfiguration(SignInRateLimitOptions.Section)
            .Validate(limit => limit.PermitLimit > 0 && limit.Window > TimeSpan.Zero,
                $"{SignInRateLimitOptions.Section}: PermitLimit must be at least 1 and Window longer than zero.")
            .ValidateOnStart();
        services.AddScoped<MemberLoader>();
        services.AddSingleton<MemberSelection>();
        services.AddSingleton<IMemberResolver, LoadingMemberResolver>();
        services.AddSingleton<IFieldContributor<MemberType>, MemberFields>();
        services.AddSingleton<IFieldContributor<QueryType>, MemberQueries>();
        services.AddSingleton<IFieldContributor<MutationType>, SignInWithWeChatMutation>();
        services.AddSingleton<IFieldContributor<MutationType>, SignInForDevelopmentMutation>();
        services.AddSingleton<IFieldContributor<MutationType>, RefreshSessionMutation>();
        services.AddSingleton<IFieldContributor<MutationType>, UpdateProfileMutation>();
        services.AddSingleton<IFieldContributor<MutationType>, SetBlacklistedMutation>();
        return services;
    }

    /// <summary>
    /// For a process that does not serve the members module: fields returning a member return a
    /// reference the gateway resolves through the members subgraph.
    /// </summary>
    public static IServiceCollection AddMemberReferences(this IServiceCollection services) =>
        services.AddSingleton<IMemberResolver, ReferenceMemberResolver>();
}
