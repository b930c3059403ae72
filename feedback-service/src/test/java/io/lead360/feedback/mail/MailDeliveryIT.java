package io.lead360.feedback.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.feedback.config.FeedbackProperties;
import io.lead360.feedback.it.AbstractIT;
import io.lead360.infra.MailInbox;
import io.lead360.testsupport.TestInfrastructure;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The outbox against the real mail server: several senders at once, SMTP away and back, an address
 * refused for good. The messages are password-reset mails of this test's people (the simplest kind to
 * queue), sent by the service's own scheduled sender and by extra senders the test starts, as a second
 * and third instance would.
 */
class MailDeliveryIT extends AbstractIT {

    @Autowired
    Mailbox mailbox;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JavaMailSenderImpl smtp;

    @Autowired
    List<MailComposer> composers;

    @Autowired
    FeedbackProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    com.mongodb.client.MongoClient mongoClient;

    @Autowired
    io.lead360.feedback.keys.DataKey dataKey;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry registry;

    private List<String> people(int n) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(person(email("p" + i), "P" + i, null));
        }
        Map<String, String> ids = importAndGetIds(rows);
        List<String> ordered = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ordered.add(ids.get("p" + i));
        }
        return ordered;
    }

    private MailDelivery anotherInstance(JavaMailSenderImpl server) {
        return new MailDelivery(mongo, server, composers, properties, clock);
    }

    private void queue(List<String> personIds, String occasion) {
        personIds.forEach(p -> mailbox.enqueue(MailKind.PASSWORD_RESET, null, p, occasion));
    }

    private static List<MailInbox.Mail> inbox(String address) {
        return TestInfrastructure.get().inbox(address);
    }

    private void awaitOneEach(int n) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (int i = 0; i < n; i++) {
                if (inbox(email("p" + i)).isEmpty()) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void threeSendersAtOnceSendEachMessageOnce() throws Exception {
        int n = 30;
        List<String> ids = people(n);
        queue(ids, "race");
        queue(ids, "race"); // queued twice: still one message each
        List<MailDelivery> extra = List.of(anotherInstance(smtp), anotherInstance(smtp));
        List<CompletableFuture<Integer>> racing = new ArrayList<>();
        for (MailDelivery sender : extra) {
            racing.add(CompletableFuture.supplyAsync(() -> {
                int sent = 0;
                for (int round = 0; round < 5; round++) {
                    sent += sender.sendDue();
                }
                return sent;
            }));
        }
        racing.forEach(CompletableFuture::join);
        awaitOneEach(n);
        Thread.sleep(1500); // a duplicate would arrive by now
        Set<String> messageIds = new HashSet<>();
        for (int i = 0; i < n; i++) {
            List<MailInbox.Mail> mails = inbox(email("p" + i));
            assertThat(mails).as(email("p" + i)).hasSize(1);
            messageIds.add(mails.get(0).header("Message-ID"));
        }
        assertThat(messageIds).hasSize(n);
    }

    @Test
    void smtpAwayLosesNothingAndSendsNothingTwiceWhenItIsBack() throws Exception {
        int n = 12;
        List<String> ids = people(n);
        TestInfrastructure.get().mail().stopSmtp();
        try {
            queue(ids, "outage");
            // the sender keeps trying with a growing pause; nothing gets through, nothing is lost
            await().pollDelay(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> true);
            for (int i = 0; i < n; i++) {
                assertThat(inbox(email("p" + i))).isEmpty();
            }
            long waiting = mongo.count(
                    Query.query(where("personId").in(ids).and("status").in("QUEUED", "SENDING")), Mail.COLLECTION);
            assertThat(waiting).isEqualTo(n);
            // the operator sees it: the gauge counts every mail waiting (this test's and any other's)
            assertThat(registry.get("lead360.mail.waiting").gauge().value()).isGreaterThanOrEqualTo(n);
            assertThat(mongo.find(Query.query(where("personId").in(ids)), Document.class, Mail.COLLECTION))
                    .anySatisfy(d -> assertThat(d.getInteger("attempts")).isPositive());
        } finally {
            TestInfrastructure.get().mail().startSmtp();
        }
        awaitOneEach(n);
        Thread.sleep(1500);
        for (int i = 0; i < n; i++) {
            assertThat(inbox(email("p" + i))).as(email("p" + i)).hasSize(1);
        }
    }

    @Test
    void anAddressRefusedForGoodFailsOnceAndIsNotRetried() throws Exception {
        List<String> ids = people(1);
        // an outbox of its own, so that the refusing server sees this test's message and no other
        MongoTemplate own = new MongoTemplate(mongoClient, "lead360_mail_refusal");
        own.remove(new Query(), Mail.COLLECTION);
        Mailbox ownBox = new Mailbox(own, dataKey, clock);
        try (RefusingSmtpServer refusing = new RefusingSmtpServer()) {
            JavaMailSenderImpl server = new JavaMailSenderImpl();
            server.setHost("127.0.0.1");
            server.setPort(refusing.port());
            MailDelivery sender = new MailDelivery(own, server, composers, properties, clock);
            ownBox.enqueue(MailKind.PASSWORD_RESET, null, ids.get(0), "refused");
            String id =
                    own.findOne(new Query(), Document.class, Mail.COLLECTION).getString("_id");

            assertThat(sender.sendDue()).isZero();
            Document failed = own.findById(id, Document.class, Mail.COLLECTION);
            assertThat(failed.getString("status")).isEqualTo("FAILED");
            assertThat(failed.getString("failure")).isEqualTo("refused 550");
            assertThat(failed.getInteger("attempts")).isEqualTo(1);
            assertThat(failed.keySet()).doesNotContain("personId");
            assertThat(refusing.recipients).containsExactly(email("p0"));
            for (int i = 0; i < 3; i++) {
                sender.sendDue();
            }
            assertThat(refusing.recipients).as("never retried").hasSize(1);
        }
    }

    /** Just enough SMTP to refuse every recipient with 550, as a server does for an unknown mailbox. */
    static final class RefusingSmtpServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0);
        final List<String> recipients = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread thread = new Thread(this::serve, "refusing-smtp");

        RefusingSmtpServer() throws java.io.IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept();
                        BufferedReader in = new BufferedReader(
                                new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII)) {
                    reply(out, "220 refusing.test ESMTP");
                    for (String line; (line = in.readLine()) != null; ) {
                        String command = line.toUpperCase(java.util.Locale.ROOT);
                        if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                            reply(out, "250 refusing.test");
                        } else if (command.startsWith("MAIL FROM")) {
                            reply(out, "250 OK");
                        } else if (command.startsWith("RCPT TO")) {
                            recipients.add(line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')));
                            reply(out, "550 5.1.1 No such mailbox");
                        } else if (command.startsWith("QUIT")) {
                            reply(out, "221 Bye");
                            break;
                        } else {
                            reply(out, "250 OK");
                        }
                    }
                } catch (java.io.IOException closed) {
                    // the test is over, or the client went away
                }
            }
        }

        private static void reply(Writer out, String line) throws java.io.IOException {
            out.write(line + "\r\n");
            out.flush();
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }
}
