using System.Security.Cryptography;
using ETicket.Domain.Listings;

namespace ETicket.Tests.Domain;

public sealed class TicketCodeVaultTests
{
    private readonly TicketCodeVault _vault = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_code_decrypts_for_its_own_listing_only()
    {
        var sealedCode = _vault.Encrypt("  QR:12345  ", associatedId: "listing-a");

        Assert.Equal("QR:12345", _vault.Decrypt(sealedCode, "listing-a"));
        Assert.ThrowsAny<CryptographicException>(() => _vault.Decrypt(sealedCode, "listing-b"));
    }

    [Fact]
    public void Encryption_is_randomized_and_tampering_is_detected()
    {
        var first = _vault.Encrypt("CODE", "l");
        var second = _vault.Encrypt("CODE", "l");
        Assert.NotEqual(first, second);

        first[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => _vault.Decrypt(first, "l"));
    }

    [Fact]
    public void The_hash_ignores_surrounding_whitespace_and_depends_on_the_key()
    {
        Assert.Equal(_vault.Hash("CODE-1"), _vault.Hash("\t CODE-1 \n"));
        Assert.NotEqual(_vault.Hash("CODE-1"), _vault.Hash("CODE-2"));
        Assert.NotEqual(_vault.Hash("CODE-1"), new TicketCodeVault(RandomNumberGenerator.GetBytes(32)).Hash("CODE-1"));
    }

    [Fact]
    public void A_short_key_is_refused() =>
        Assert.Throws<ArgumentException>(() => new TicketCodeVault(new byte[16]));
}
