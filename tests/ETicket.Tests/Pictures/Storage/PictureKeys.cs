using System.Security.Cryptography;

namespace ETicket.Tests.Pictures.Storage;

/// <summary>Keys shaped like the platform's: 26 characters of base32 and a suffix.</summary>
public static class PictureKeys
{
    private const string Base32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(string suffix = ".jpg") => RandomNumberGenerator.GetString(Base32, 26) + suffix;

    /// <summary>Keys no store may accept: each could name something outside the store, or is not a key the platform makes.</summary>
    public static TheoryData<string> Invalid => new()
    {
        "",
        " ",
        ".",
        "..",
        "../x",
        "..\\x",
        "a/../../x",
        "/etc/passwd",
        "\\\\server\\share\\x",
        "C:\\x.jpg",
        "C:x.jpg",
        "x/y.jpg",
        ".hidden",
        "x.jpg.",
        "x..jpg",
        "-x.jpg",
        "x.jpg\n",
        "x\0.jpg",
        "x y.jpg",
        "x%2F..%2Fy",
        "～／x",                 // fullwidth tilde and solidus, which NFKC folds into "~/"
        "\u2025x",              // two-dot leader, NFKC ".."
        "x\u2215y.jpg",         // division slash
        "x\u202Egpj.exe",       // right-to-left override
        "NUL.jpg",              // a Windows device, whatever the folder
        "con",
        "é.jpg",
        "e\u0301.jpg",          // e with a combining accent
        "x\u200B.jpg",          // zero-width space
        new string('A', 65),
    };
}
