package org.socialdeclik.shared.aws;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.socialdeclik.shared.email.EmailMessage;
import org.socialdeclik.shared.ports.EmailSender;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageTag;

/**
 * Sends through SES v2 with simple content (SES builds the MIME message, so no header can be
 * forged from user text) and the configuration set, whose events report acceptance, bounces and
 * complaints. Each message carries two message tags, {@value #OUTBOX_TAG} (its outbox item) and
 * {@value #PART_TAG} (which recipient of it), that SES copies into its events about the message.
 *
 * <p>Failures are told apart as {@link EmailSender} asks: an error answer from SES (4xx: throttling,
 * paused account, refusal) is {@link EmailSender.NotAccepted}; a 5xx answer, a timeout or a broken
 * connection after the request may have left is passed on as it is (outcome unknown). A
 * connection that was never made (refused, no route, unknown host) sent nothing: NotAccepted.
 */
public final class SesEmailSender implements EmailSender {
    /** Message tag naming the outbox item (base64url of its id: tag values allow only [A-Za-z0-9_-]). */
    public static final String OUTBOX_TAG = "outbox";
    /** Message tag naming the part of the outbox item (see {@link org.socialdeclik.shared.ports.OutboxEntry#part}). */
    public static final String PART_TAG = "part";
    /** SES v2 error codes after which every message of the account is refused for a while. */
    private static final Set<String> ACCOUNT_WIDE = Set.of("TooManyRequestsException", "SendingPausedException",
            "AccountSuspendedException", "LimitExceededException", "Throttling", "ThrottlingException");

    private final SesV2Client ses;
    private final String from;
    private final String configurationSet;

    public SesEmailSender(SesV2Client ses, String from, String configurationSet) {
        this.ses = ses;
        this.from = from;
        this.configurationSet = configurationSet;
    }

    @Override
    public String send(EmailMessage message, Tag tag) {
        List<MessageHeader> headers = new ArrayList<>();
        message.headers().forEach((name, value) -> headers.add(MessageHeader.builder().name(name).value(value).build()));
        Message.Builder simple = Message.builder()
                .subject(Content.builder().data(message.subject()).charset("UTF-8").build())
                .body(Body.builder()
                        .text(Content.builder().data(message.text()).charset("UTF-8").build())
                        .html(Content.builder().data(message.html()).charset("UTF-8").build())
                        .build());
        if (!headers.isEmpty()) {
            simple.headers(headers);
        }
        try {
            return ses.sendEmail(b -> {
                b.fromEmailAddress(from)
                        .destination(d -> d.toAddresses(message.recipients()))
                        .content(c -> c.simple(simple.build()))
                        .emailTags(MessageTag.builder().name(OUTBOX_TAG).value(tagValue(tag.outboxId())).build(),
                                MessageTag.builder().name(PART_TAG).value(tag.part()).build());
                if (configurationSet != null) {
                    b.configurationSetName(configurationSet);
                }
            }).messageId();
        } catch (AwsServiceException e) {
            if (e.statusCode() >= 400 && e.statusCode() < 500) {
                String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
                throw new NotAccepted("SES refused the message (" + code + ", HTTP " + e.statusCode() + ")",
                        e.isThrottlingException() || ACCOUNT_WIDE.contains(code), e);
            }
            throw e; // a 5xx answer does not say whether the message was taken
        } catch (RuntimeException e) {
            if (neverConnected(e)) {
                throw new NotAccepted("SES could not be reached (" + e.getClass().getSimpleName() + ")", true, e);
            }
            throw e;
        }
    }

    private static boolean neverConnected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** The {@value #OUTBOX_TAG} tag's value for an outbox id. */
    public static String tagValue(String outboxId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(outboxId.getBytes(StandardCharsets.UTF_8));
    }

    /** The outbox id a {@value #OUTBOX_TAG} tag names; empty when the value is not one of ours. */
    public static Optional<String> outboxId(String tagValue) {
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(tagValue), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
