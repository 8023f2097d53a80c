using MimeKit;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>The e-mails a store wrote into its pickup folder (data/mail), as MimeKit reads them.</summary>
public static class Mailbox
{
    public const string VerificationSubject = "Verify your e-mail address";
    public const string ResetSubject = "Reset your";

    /// <summary>The messages to <paramref name="address"/>, oldest first, optionally only those whose subject contains a text.</summary>
    public static List<MimeMessage> MailsTo(this StoreApp app, string address, string? subjectContains = null)
    {
        var folder = Path.Combine(app.DataPath, "mail");
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal)
            .Select(path => MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
            .Where(m => subjectContains is null || m.Subject.Contains(subjectContains, StringComparison.Ordinal))
            .ToList();
    }
}
