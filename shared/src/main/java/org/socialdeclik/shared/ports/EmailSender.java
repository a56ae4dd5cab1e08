package org.socialdeclik.shared.ports;

import org.socialdeclik.shared.email.EmailMessage;

/** Sends one email; answers the provider's message id. */
public interface EmailSender {
    String send(EmailMessage message);
}
