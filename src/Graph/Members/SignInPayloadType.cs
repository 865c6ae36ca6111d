using ETicket.Domain.Members.Sessions;
using ETicket.Graph.Common;

namespace ETicket.Graph.Members;

public sealed class SignInPayloadType() : PayloadType<Session, AuthSessionType>("SignInPayload", "session");
