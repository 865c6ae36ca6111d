using ETicket.Domain.Persistence;
using ETicket.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ETicket.Tests.Persistence;

public sealed class SaveCancellationTests
{
    /// <summary>
    /// On MariaDB a save cancelled mid-flight could leave its connection waiting out the command
    /// timeout (the long fuzz's 30 s updateProfile); saves are therefore never cancelled once begun.
    /// </summary>
    [Theory, ClassData(typeof(EveryDatabase))]
    public async Task A_save_runs_to_its_end_even_when_its_request_is_cancelled(DatabaseKind kind)
    {
        await using var database = await EveryDatabase.CreateAsync(kind);
        await using var server = await PlatformServer.StartAsync(database);
        var member = await server.SignInAsync("13800000001", "Before");

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ETicketDbContext>();
            var stored = await db.Members.SingleAsync(m => m.Id == member.Id, TestContext.Current.CancellationToken);
            stored.UpdateProfile("After", null, null);
            Assert.Equal(1, await db.SaveChangesAsync(new CancellationToken(canceled: true)));
        }

        await using var reader = server.Services.CreateAsyncScope();
        var nickname = await reader.ServiceProvider.GetRequiredService<ETicketDbContext>().Members
            .Where(m => m.Id == member.Id).Select(m => m.Nickname).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("After", nickname);
    }
}
