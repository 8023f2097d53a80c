using System.ComponentModel.DataAnnotations;
using Ecommerce.Shared.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ecommerce.Shared.Notifications;

/// <summary>An e-mail to one recipient, with a plain-text body and an optional HTML one.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>Sends the store's e-mails (password resets, order confirmations, …).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>Outgoing mail settings (configuration section "Mail").</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The sender address of the store's e-mails.</summary>
    [Required]
    public string From { get; set; } = "Harbor Supply <no-reply@harbor-supply.example>";
    /// <summary>Where messages are written while no mail server is configured; relative to the data folder.</summary>
    [Required]
    public string PickupFolder { get; set; } = "mail";
}

/// <summary>
/// Writes each message as an RFC 5322 <c>.eml</c> file into the pickup folder (data/mail), where a person or a
/// mail relay can pick it up. The store uses it until real mail delivery is configured.
/// </summary>
public sealed class PickupFolderEmailSender(DataDirectory data, IOptions<MailOptions> options, TimeProvider clock, ILogger<PickupFolderEmailSender> logger)
    : IEmailSender
{
    public string Folder => Path.Combine(data.Path, options.Value.PickupFolder);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.Value.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Date = clock.GetUtcNow();
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();

        Directory.CreateDirectory(Folder);
        var name = $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(Folder, name);
        await mime.WriteToAsync(path, cancellationToken);
        logger.LogInformation("E-mail \"{Subject}\" to {To} written to {Path}", message.Subject, message.To, path);
    }
}
