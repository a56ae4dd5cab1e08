package org.socialdeclik.local;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;

/**
 * A global SDK interceptor (listed in {@code software/amazon/awssdk/global/handlers/execution.interceptors},
 * so every SDK client in the JVM has it) that copies each SES v2 email the emulator accepted into
 * the {@link Outbox}. The functions send email as they do in AWS; nothing in them knows about it.
 * It only ever exists on the local run's classpath.
 */
public final class OutboxInterceptor implements ExecutionInterceptor {

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes executionAttributes) {
        if (context.request() instanceof SendEmailRequest request
                && context.response() instanceof SendEmailResponse response) {
            Outbox.current().record(toSentEmail(request, response.messageId(), Instant.now()));
        }
    }

    static SentEmail toSentEmail(SendEmailRequest request, String messageId, Instant sentAt) {
        List<String> to = request.destination() != null && request.destination().hasToAddresses()
                ? request.destination().toAddresses() : List.of();
        String subject = null;
        String text = null;
        String html = null;
        Map<String, String> headers = new LinkedHashMap<>();
        EmailContent content = request.content();
        if (content != null && content.simple() != null) {
            Message simple = content.simple();
            subject = simple.subject() != null ? simple.subject().data() : null;
            Body body = simple.body();
            if (body != null) {
                text = body.text() != null ? body.text().data() : null;
                html = body.html() != null ? body.html().data() : null;
            }
            if (simple.hasHeaders()) {
                for (MessageHeader header : simple.headers()) {
                    if (header.name() != null && header.value() != null) {
                        headers.merge(header.name(), header.value(), (a, b) -> a + ", " + b);
                    }
                }
            }
        } else if (content != null && content.raw() != null) {
            text = content.raw().data().asUtf8String();
        } else if (content != null && content.template() != null) {
            text = content.template().templateData();
        }
        return new SentEmail(messageId, request.fromEmailAddress(), to, subject, text, html, headers, sentAt);
    }
}
