using ETicket.Domain.Common;
using ETicket.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ETicket.Domain.Members.Services;

/// <summary>What a member changes about themself.</summary>
public sealed record ProfileChanges(string? Nickname, string? AvatarUrl, Gender? Gender);
