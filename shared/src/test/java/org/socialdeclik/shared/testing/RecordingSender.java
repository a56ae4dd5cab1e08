package org.socialdeclik.shared.testing;

import java.util.ArrayList;
import java.util.List;
import org.socialdeclik.shared.email.EmailMessage;
import org.socialdeclik.shared.ports.EmailSender;

/** Passes each email to the real sender and keeps what was accepted; can fail on demand. */
public final class RecordingSender implements EmailSender {
    private final EmailSender delegate;
    private final List<EmailMessage> sent = new ArrayList<>();
    private int failuresToInject;
    private int crashAfterNextSends = -1;

    /** Simulates the process dying right after SES accepted the given number of further messages. */
    public synchronized void crashAfter(int sends) {
        crashAfterNextSends = sends;
    }

    /** What a dying process looks like from inside: an Error, not an exception handled as a failure. */
    public static final class Crash extends Error {
        Crash() {
            super("simulated crash after send", null, false, false);
        }
    }

    public RecordingSender(EmailSender delegate) {
        this.delegate = delegate;
    }

    /** The next sends fail as SES refusing them does (throttled after the SDK's retries): nothing sent. */
    public synchronized void failNext(int count) {
        failuresToInject = count;
    }

    @Override
    public synchronized String send(EmailMessage message, Tag tag) {
        if (failuresToInject > 0) {
            failuresToInject--;
            throw new NotAccepted("injected refusal", true, null);
        }
        String id = delegate.send(message, tag);
        sent.add(message);
        if (crashAfterNextSends > 0 && --crashAfterNextSends == 0) {
            crashAfterNextSends = -1;
            throw new Crash();
        }
        return id;
    }

    public synchronized List<EmailMessage> sent() {
        return List.copyOf(sent);
    }
}
