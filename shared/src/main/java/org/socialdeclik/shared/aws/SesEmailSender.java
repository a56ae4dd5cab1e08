package org.socialdeclik.shared.aws;

import java.util.ArrayList;
import java.util.List;
import org.socialdeclik.shared.email.EmailMessage;
import org.socialdeclik.shared.ports.EmailSender;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;

/**
 * Sends through SES v2 with simple content (SES builds the MIME message, so no header can be
 * forged from user text) and the configuration set, whose events report bounces and complaints.
 */
public final class SesEmailSender implements EmailSender {
    private final SesV2Client ses;
    private final String from;
    private final String configurationSet;

    public SesEmailSender(SesV2Client ses, String from, String configurationSet) {
        this.ses = ses;
        this.from = from;
        this.configurationSet = configurationSet;
    }

    @Override
    public String send(EmailMessage message) {
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
        return ses.sendEmail(b -> {
            b.fromEmailAddress(from)
                    .destination(d -> d.toAddresses(message.recipients()))
                    .content(c -> c.simple(simple.build()));
            if (configurationSet != null) {
                b.configurationSetName(configurationSet);
            }
        }).messageId();
    }
}
