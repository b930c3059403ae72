package io.lead360.infra;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a recipient's mailbox over IMAP, as any mail client would: the embedded mail server opens
 * every mailbox with the address as user name and as password. {@code ./lead360 mail ADDRESS} prints
 * it ({@link #main}); tests read what the services sent with it.
 */
public final class MailInbox {

    private MailInbox() {}

    /** One message as it arrived: its headers, and its plain-text and HTML parts. */
    public record Mail(
            String subject,
            String from,
            List<String> to,
            java.util.Date sent,
            String text,
            String html,
            Map<String, List<String>> headers) {

        public String header(String name) {
            List<String> values = headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
            return values.isEmpty() ? null : values.get(0);
        }
    }

    /** Every message in the address's inbox, oldest first; none when nothing was ever sent to it. */
    public static List<Mail> read(String host, int imapPort, String address) {
        try {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            try {
                store.connect(host, imapPort, address, address);
            } catch (AuthenticationFailedException noMailboxYet) {
                return List.of();
            }
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Mail> mails = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    mails.add(parse(m));
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read the mailbox of " + address, e);
        }
    }

    /**
     * {@code mail <address> [imap-port] [count]}: the newest messages of the mailbox, newest first, with
     * their plain text.
     */
    public static void main(String[] args) {
        if (args.length < 1 || args[0].isBlank()) {
            System.err.println("usage: mail <address> [imap-port] [count]");
            System.exit(2);
        }
        String address = args[0];
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 3143;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Mail> mails;
        try {
            mails = read("127.0.0.1", port, address);
        } catch (IllegalStateException e) {
            System.err.println(
                    "The mail server on 127.0.0.1:" + port + " cannot be read (is lead360 up?): " + e.getCause());
            System.exit(1);
            return;
        }
        System.out.printf(
                "%s: %d message%s (IMAP 127.0.0.1:%d, user name and password: the address)%n",
                address, mails.size(), mails.size() == 1 ? "" : "s", port);
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern(
                        "yyyy-MM-dd HH:mm:ss 'UTC'")
                .withZone(java.time.ZoneOffset.UTC);
        for (int i = mails.size() - 1; i >= Math.max(0, mails.size() - count); i--) {
            Mail mail = mails.get(i);
            System.out.println();
            System.out.println(
                    "--- " + (mail.sent() == null ? "" : when.format(mail.sent().toInstant()) + "  ") + "From: "
                            + mail.from());
            System.out.println("    Subject: " + mail.subject());
            System.out.println();
            String text =
                    mail.text() == null ? "(no plain-text part)" : mail.text().strip();
            text.lines().forEach(line -> System.out.println("    " + line));
        }
        if (mails.size() > count) {
            System.out.printf(
                    "%n(%d older message%s not shown)%n", mails.size() - count, mails.size() - count == 1 ? "" : "s");
        }
    }

    private static Mail parse(Message m) throws MessagingException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header h : Collections.list(m.getAllHeaders())) {
            headers.computeIfAbsent(h.getName().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                    .add(h.getValue());
        }
        String[] parts = new String[2];
        walk(m, parts);
        List<String> to = m.getAllRecipients() == null
                ? List.of()
                : Arrays.stream(m.getAllRecipients())
                        .map(a -> ((InternetAddress) a).getAddress())
                        .toList();
        String from = m.getFrom() == null || m.getFrom().length == 0 ? null : m.getFrom()[0].toString();
        return new Mail(m.getSubject(), from, to, m.getSentDate(), parts[0], parts[1], headers);
    }

    private static void walk(Part part, String[] textAndHtml) throws MessagingException {
        try {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child, textAndHtml);
                }
            } else if (part.isMimeType("text/plain") && textAndHtml[0] == null) {
                textAndHtml[0] = (String) part.getContent();
            } else if (part.isMimeType("text/html") && textAndHtml[1] == null) {
                textAndHtml[1] = (String) part.getContent();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
