package org.socialdeclik.shared.ports;

import org.socialdeclik.shared.email.EmailMessage;

/**
 * Sends one email; answers the provider's message id.
 *
 * <p>Sending is not idempotent, so a failure has two meanings that callers must keep apart:
 * {@link NotAccepted} says the provider answered that it did not take the message (throttling, a
 * paused account, a refusal): sending it again later cannot make a second copy. Any other
 * exception leaves the outcome unknown (a timeout, a dropped connection, an answer that could not
 * be read): the message may have been accepted, and only evidence (the provider's send event for
 * the {@link Tag}) may decide whether it is sent again.
 */
public interface EmailSender {
    String send(EmailMessage message, Tag tag);

    /**
     * What the message is, carried with it so that the provider's events about it can be matched
     * to it: the outbox item and the part of it (one per recipient).
     */
    record Tag(String outboxId, String part) {}

    /** The provider answered that it did not take the message: nothing was sent. */
    final class NotAccepted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean wholeAccount;

        /**
         * @param wholeAccount true when every message would be refused for now (throttling, sending
         *                     paused or quota reached), so that a caller with many to send stops
         */
        public NotAccepted(String reason, boolean wholeAccount, Throwable cause) {
            super(reason, cause);
            this.wholeAccount = wholeAccount;
        }

        public boolean wholeAccount() {
            return wholeAccount;
        }
    }
}
