package io.lead360.testsupport;

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
 * every mailbox with the address as user name and as password.
 */
public final class MailInbox {

    private MailInbox() {
    }

    /** One message as it arrived: its headers, and its plain-text and HTML parts. */
    public record Mail(String subject, String from, List<String> to, String text, String html,
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

    private static Mail parse(Message m) throws MessagingException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header h : Collections.list(m.getAllHeaders())) {
            headers.computeIfAbsent(h.getName().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
        }
        String[] parts = new String[2];
        walk(m, parts);
        List<String> to = m.getAllRecipients() == null ? List.of() : Arrays.stream(m.getAllRecipients())
                .map(a -> ((InternetAddress) a).getAddress()).toList();
        String from = m.getFrom() == null || m.getFrom().length == 0 ? null : m.getFrom()[0].toString();
        return new Mail(m.getSubject(), from, to, parts[0], parts[1], headers);
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
