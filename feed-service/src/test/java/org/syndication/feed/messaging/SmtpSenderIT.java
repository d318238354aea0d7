package org.syndication.feed.messaging;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syndication.localstack.Ports;
import org.syndication.localstack.SmtpSink;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The digest path's SMTP pool against the local stack's real SMTP server (no Quarkus needed). */
class SmtpSenderIT {

    private SmtpSink sink;
    private SmtpSender sender;

    @BeforeEach
    void start() {
        sink = SmtpSink.start(Ports.free(), Ports.free());
        sender = new SmtpSender("127.0.0.1", Optional.of(sink.smtpPort()), Optional.empty(), Optional.empty(), false,
                "DISABLED", 4);
    }

    @AfterEach
    void stop() {
        sender.stop();
        sink.close();
    }

    @Test
    void sendsEveryMessageOverThePoolAndAgainOnTheKeptConnections() {
        List<Exception> first = sender.sendAll(30, i -> message("first-" + i + "@example.org", "first " + i));
        assertThat(first).hasSize(30).containsOnlyNulls();
        List<Exception> second = sender.sendAll(10, i -> message("second-" + i + "@example.org", "second " + i));
        assertThat(second).hasSize(10).containsOnlyNulls();

        await().untilAsserted(() -> assertThat(sink.messages()).hasSize(40));
        Set<String> received = sink.messages().stream()
                .map(m -> m.to().get(0) + " " + m.subject() + " " + m.text().strip())
                .collect(Collectors.toSet());
        Set<String> expected = IntStream.range(0, 30).mapToObj(i -> "first-" + i + "@example.org first " + i
                        + " body of first " + i)
                .collect(Collectors.toSet());
        IntStream.range(0, 10).forEach(i -> expected.add("second-" + i + "@example.org second " + i
                + " body of second " + i));
        assertThat(received).isEqualTo(expected);
    }

    @Test
    void aMessageThatCannotBeBuiltOrSentFailsAloneAndTheOthersGoOut() {
        List<Exception> outcomes = sender.sendAll(12, i -> {
            if (i == 3) {
                throw new MessagingException("broken message " + i);
            }
            if (i == 7) {
                // no recipient: the transport refuses it before talking to the server
                MimeMessage none = message("x@example.org", "none");
                none.setRecipients(Message.RecipientType.TO, new InternetAddress[0]);
                return none;
            }
            return message("ok-" + i + "@example.org", "ok " + i);
        });

        assertThat(outcomes.get(3)).isInstanceOf(MessagingException.class).hasMessage("broken message 3");
        assertThat(outcomes.get(7)).isNotNull();
        assertThat(IntStream.range(0, 12).filter(i -> i != 3 && i != 7).mapToObj(outcomes::get)).containsOnlyNulls();
        await().untilAsserted(() -> assertThat(sink.messages()).hasSize(10));
    }

    @Test
    void aServerThatIsGoneFailsEveryMessageWithoutThrowing() {
        sink.close();
        List<Exception> outcomes = sender.sendAll(5, i -> message("gone-" + i + "@example.org", "gone"));
        assertThat(outcomes).hasSize(5).allSatisfy(e -> assertThat(e).isInstanceOf(MessagingException.class));
        sink = SmtpSink.start(Ports.free(), Ports.free());
    }

    private MimeMessage message(String to, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(sender.session());
        message.setFrom(new InternetAddress("digests@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("body of " + subject);
        message.saveChanges();
        return message;
    }
}
