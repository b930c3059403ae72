package io.lead360.infra;

import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real mail server for trying lead360 (GreenMail): SMTP for feedback-service to send through, IMAP for
 * anyone to read what was sent, both on 127.0.0.1 only. Every recipient's mailbox is created on the
 * first message and opens with the address as user name and as password, so a newcomer, a test or any
 * mail client sees exactly what lead360 sent. Mailboxes live in memory: a restart of local-infra empties
 * them (this is for trying lead360, not for running it: point {@code LEAD360_SMTP_HOST} at a real relay).
 *
 * <p>{@link #stopSmtp()} and {@link #startSmtp()} take the SMTP service away and bring it back while the
 * mailboxes stay, so fault tests can show that nothing is lost or sent twice when mail is down.
 */
public final class EmbeddedMail {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMail.class);
    private static final String HOST = "127.0.0.1";
    private static final long START_TIMEOUT_MILLIS = 10_000;

    private final int requestedSmtpPort;
    private final int requestedImapPort;
    private volatile RestartableGreenMail server;
    private int smtpPort;
    private int imapPort;

    /** Port 0 = a free port (kept across restarts of this instance). */
    public EmbeddedMail(int smtpPort, int imapPort) {
        this.requestedSmtpPort = smtpPort;
        this.requestedImapPort = imapPort;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        if (smtpPort == 0) {
            smtpPort = FreePort.orFree(requestedSmtpPort);
            imapPort = FreePort.orFree(requestedImapPort);
        }
        RestartableGreenMail mail =
                new RestartableGreenMail(smtpSetup(), new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP));
        mail.start();
        server = mail;
        log.info(
                "Mail server up: SMTP {}:{}, IMAP {}:{} (user name and password: the address)",
                HOST,
                smtpPort,
                HOST,
                imapPort);
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop();
        server = null;
        log.info("Mail server stopped");
    }

    /** SMTP refuses connections from now on; the mailboxes and IMAP stay. */
    public synchronized void stopSmtp() {
        if (server != null) {
            server.stopSmtp();
            log.info("SMTP on {}:{} stopped", HOST, smtpPort);
        }
    }

    /** SMTP takes mail again, into the same mailboxes. */
    public synchronized void startSmtp() {
        if (server != null) {
            server.startSmtp(smtpSetup());
            log.info("SMTP on {}:{} started", HOST, smtpPort);
        }
    }

    /** How many messages the server has received since it started (every mailbox together). */
    public int receivedCount() {
        RestartableGreenMail mail = server;
        return mail == null ? 0 : mail.getReceivedMessages().length;
    }

    public boolean isRunning() {
        RestartableGreenMail mail = server;
        return mail != null && mail.smtpRunning();
    }

    /** Valid after the first {@link #start()}. */
    public synchronized int smtpPort() {
        requireStarted();
        return smtpPort;
    }

    /** Valid after the first {@link #start()}. */
    public synchronized int imapPort() {
        requireStarted();
        return imapPort;
    }

    public String host() {
        return HOST;
    }

    private void requireStarted() {
        if (smtpPort == 0) {
            throw new IllegalStateException("the mail server has not been started yet");
        }
    }

    private ServerSetup smtpSetup() {
        return new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP);
    }

    /** GreenMail whose SMTP service can be replaced while its mailboxes (the managers) stay. */
    private static final class RestartableGreenMail extends GreenMail {

        RestartableGreenMail(ServerSetup smtp, ServerSetup imap) {
            super(new ServerSetup[] {smtp, imap});
        }

        synchronized void stopSmtp() {
            AbstractServer smtp = services.remove(ServerSetup.PROTOCOL_SMTP);
            if (smtp != null) {
                smtp.stopService();
            }
        }

        synchronized void startSmtp(ServerSetup setup) {
            if (services.containsKey(ServerSetup.PROTOCOL_SMTP)) {
                return;
            }
            SmtpServer smtp = new SmtpServer(setup, getManagers());
            smtp.startService();
            try {
                if (!smtp.waitTillRunning(START_TIMEOUT_MILLIS)) {
                    throw new IllegalStateException("SMTP did not start on port " + setup.getPort());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            services.put(ServerSetup.PROTOCOL_SMTP, smtp);
        }

        synchronized boolean smtpRunning() {
            AbstractServer smtp = services.get(ServerSetup.PROTOCOL_SMTP);
            return smtp != null && smtp.isRunning();
        }
    }
}
