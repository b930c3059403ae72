package io.lead360.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmbeddedMailTest {

    private final EmbeddedMail mail = new EmbeddedMail(0, 0);

    @AfterEach
    void stop() {
        mail.stop();
    }

    @Test
    void whatIsSentOverSmtpIsReadOverImapWithTheAddressAsUserAndPassword() throws Exception {
        mail.start();
        send("lea@acme.test", "Your feedback is requested");

        assertThat(inbox("lea@acme.test")).containsExactly("Your feedback is requested");
        assertThat(inbox("nobody@acme.test")).isEmpty();
    }

    @Test
    void smtpStoppedRefusesMailAndStartedAgainKeepsTheMailboxes() throws Exception {
        mail.start();
        send("lea@acme.test", "first");
        mail.stopSmtp();
        assertThat(mail.isRunning()).isFalse();
        assertThatThrownBy(() -> send("lea@acme.test", "while down")).isInstanceOf(MessagingException.class);

        mail.startSmtp();
        send("lea@acme.test", "second");
        assertThat(mail.isRunning()).isTrue();
        assertThat(inbox("lea@acme.test")).containsExactly("first", "second");
    }

    @Test
    void mailboxesReadAndClosedLeaveNoServerThreadBusy() throws Exception {
        mail.start();
        send("lea@acme.test", "first");
        for (int i = 0; i < 5; i++) {
            assertThat(MailInbox.read(mail.host(), mail.imapPort(), "lea@acme.test"))
                    .hasSize(1);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Thread.sleep(200); // the server notices the closed connections
        long before = imapCpuNanos(threads);
        Thread.sleep(1000);
        // no server thread stays busy after reads, refused sign-ins and hang-ups (GreenMail 2.1.5 spun one at full
        // speed for IMAP connections that ended without a LOGOUT in the services' suites; see the root POM)
        assertThat(imapCpuNanos(threads) - before)
                .as("CPU of IMAP server threads in 1 s, ns")
                .isLessThan(100_000_000L);
    }

    private static long imapCpuNanos(java.lang.management.ThreadMXBean threads) {
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("imap:")) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return total;
    }

    private void send(String to, String subject) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", mail.host());
        props.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        props.put("mail.smtp.connectiontimeout", "2000");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom("lead360@acme.test");
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject);
        message.setText("body");
        Transport.send(message);
    }

    private java.util.List<String> inbox(String address) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        try {
            store.connect(mail.host(), mail.imapPort(), address, address);
        } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
            return java.util.List.of();
        }
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            java.util.List<String> subjects = new java.util.ArrayList<>();
            for (Message m : inbox.getMessages()) {
                subjects.add(m.getSubject());
            }
            inbox.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }
}
