using System.Text.Json.Nodes;
using static ETicket.Tests.Infrastructure.FakeWeChatPay.FakeJson;

namespace ETicket.Tests.Infrastructure.FakeWeChatPay;

/// <summary>A merchant transfer the fake holds, by out_bill_no; <see cref="PayeeName"/> as decrypted by WeChat Pay.</summary>
public sealed record FakeTransfer(
    string OutBillNo, string TransferBillNo, string OpenId, long Amount, string Remark, string SceneId, string? PayeeName, string NotifyUrl,
    DateTimeOffset CreateTime, DateTimeOffset UpdateTime, string State, string? FailReason = null, string? PackageInfo = null);

/// <summary>
/// Merchant transfers (user-confirm mode) as WeChat Pay keeps them: a new one waits for the payee
/// (WAIT_USER_CONFIRM, with a package_info) unless the test scripted how it starts; the test then confirms or
/// fails it. Asking again with the same out_bill_no answers the same transfer.
/// </summary>
public sealed class FakeTransfers(TimeProvider clock, Lock gate)
{
    private readonly Dictionary<string, FakeTransfer> _byOutBillNo = [];
    private readonly Dictionary<string, (string State, string? FailReason)> _scriptedStarts = [];

    public FakeTransfer? this[string outBillNo]
    {
        get
        {
            lock (gate)
                return _byOutBillNo.GetValueOrDefault(outBillNo);
        }
    }

    /// <summary>The transfer with this out_bill_no, once asked for, starts in this state (FAIL with a reason, ACCEPTED, PROCESSING…).</summary>
    public void ScriptStart(string outBillNo, string state, string? failReason = null)
    {
        lock (gate)
            _scriptedStarts[outBillNo] = (state, failReason);
    }

    /// <summary>The payee accepted the money: SUCCESS.</summary>
    public FakeTransfer Confirm(string outBillNo) => Settle(outBillNo, "SUCCESS", failReason: null);

    /// <summary>The transfer failed, for this reason (e.g. PAYEE_ACCOUNT_ABNORMAL).</summary>
    public FakeTransfer Fail(string outBillNo, string failReason = "PAYEE_ACCOUNT_ABNORMAL") => Settle(outBillNo, "FAIL", failReason);

    /// <summary>What the create call answers.</summary>
    public static JsonObject CreateAnswer(FakeTransfer transfer)
    {
        var answer = new JsonObject
        {
            ["out_bill_no"] = transfer.OutBillNo,
            ["transfer_bill_no"] = transfer.TransferBillNo,
            ["create_time"] = Time(transfer.CreateTime),
            ["state"] = transfer.State,
        };
        if (transfer.PackageInfo is not null && transfer.State == "WAIT_USER_CONFIRM")
            answer["package_info"] = transfer.PackageInfo;
        if (transfer.FailReason is not null)
            answer["fail_reason"] = transfer.FailReason;
        return answer;
    }

    /// <summary>What the query answers; a MCHTRANSFER.BILL.FINISHED notification carries the same but appid, remark and name.</summary>
    public static JsonObject Resource(FakeTransfer transfer, bool forNotification = false)
    {
        var resource = new JsonObject
        {
            ["mch_id"] = FakeWeChatPayServer.MchId,
            ["out_bill_no"] = transfer.OutBillNo,
            ["transfer_bill_no"] = transfer.TransferBillNo,
            ["state"] = transfer.State,
            ["transfer_amount"] = transfer.Amount,
            ["openid"] = transfer.OpenId,
            ["create_time"] = Time(transfer.CreateTime),
            ["update_time"] = Time(transfer.UpdateTime),
        };
        if (!forNotification)
        {
            resource["appid"] = FakeWeChatPayServer.AppId;
            resource["transfer_remark"] = transfer.Remark;
        }
        if (transfer.FailReason is not null)
            resource["fail_reason"] = transfer.FailReason;
        return resource;
    }

    internal FakeAnswer Create(JsonObject body)
    {
        var outBillNo = Text(body["out_bill_no"]);
        var openId = Text(body["openid"]);
        var amount = Number(body["transfer_amount"]);
        var remark = Text(body["transfer_remark"]);
        var sceneId = Text(body["transfer_scene_id"]);
        var notifyUrl = Text(body["notify_url"]);
        if (Text(body["appid"]) != FakeWeChatPayServer.AppId)
            return FakeAnswer.Error(400, "INVALID_REQUEST", "商户号与AppID不匹配");
        if (outBillNo is null || openId is null || amount is not > 0 || remark is not { Length: <= 32 } || sceneId is null
            || !Uri.IsWellFormedUriString(notifyUrl, UriKind.Absolute) || !HasReportInfos(body["transfer_scene_report_infos"]))
            return FakeAnswer.ParamError("输入源“/body”映射到值字段失败");
        var encryptedName = Text(body["user_name"]);
        lock (gate)
        {
            if (_byOutBillNo.GetValueOrDefault(outBillNo) is { } made)
                return made.OpenId == openId && made.Amount == amount
                    ? FakeAnswer.Ok(CreateAnswer(made))
                    : FakeAnswer.Error(400, "ALREADY_EXISTS", "商户单号已存在，请勿重复使用");
            var (state, failReason) = _scriptedStarts.GetValueOrDefault(outBillNo, ("WAIT_USER_CONFIRM", null));
            var now = clock.GetUtcNow();
            var transfer = _byOutBillNo[outBillNo] = new FakeTransfer(outBillNo, "1330000" + Digits(33), openId, amount.Value, remark, sceneId,
                encryptedName is null ? null : FakeWeChatPayKeys.DecryptAsPlatform(encryptedName), notifyUrl!, now, now, state, failReason,
                PackageInfo: "ABBQO+oYAAABAAAAAAAk+" + Alphanumerics(40));
            return FakeAnswer.Ok(CreateAnswer(transfer));
        }
    }

    internal FakeAnswer Query(string outBillNo) =>
        this[outBillNo] is { } transfer ? FakeAnswer.Ok(Resource(transfer)) : FakeAnswer.Error(404, "NOT_FOUND", "记录不存在");

    private FakeTransfer Settle(string outBillNo, string state, string? failReason)
    {
        lock (gate)
        {
            var transfer = _byOutBillNo.GetValueOrDefault(outBillNo) ?? throw new InvalidOperationException($"No transfer {outBillNo} was asked for.");
            return _byOutBillNo[outBillNo] = transfer with { State = state, FailReason = failReason, UpdateTime = clock.GetUtcNow() };
        }
    }

    private static bool HasReportInfos(JsonNode? infos) =>
        infos is JsonArray { Count: > 0 } array && array.All(info => Text(info?["info_type"]) is not null && Text(info?["info_content"]) is not null);
}
