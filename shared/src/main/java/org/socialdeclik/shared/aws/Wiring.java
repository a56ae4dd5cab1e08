package org.socialdeclik.shared.aws;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.socialdeclik.shared.app.Links;
import org.socialdeclik.shared.app.MatchingService;
import org.socialdeclik.shared.app.NotificationService;
import org.socialdeclik.shared.domain.match.Matcher;
import org.socialdeclik.shared.domain.vocab.Learning;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.config.TimeSource;
import org.socialdeclik.shared.email.Emails;
import org.socialdeclik.shared.email.Mailbox;
import org.socialdeclik.shared.token.Tokens;

/**
 * Builds the adapters a function needs from its environment, once per container. Each function
 * asks only for what it uses, so a function without email never builds an SES client.
 */
public final class Wiring {
    private final Env env;
    private final AwsClients clients;

    public Wiring(Env env) {
        this.env = env;
        this.clients = new AwsClients(env);
        // every function understands the words the admins taught, read from the table when stale
        env.get("TABLE_NAME").ifPresent(table -> Learning.learnFrom(vocabularyBook(), LEARNT_REFRESH));
    }

    /** How old the learnt words may get before a function reads them again. */
    static final java.time.Duration LEARNT_REFRESH = java.time.Duration.ofSeconds(30);

    /** The vocabularies' book: unknown words counted, words the admins taught. */
    public DynamoVocabulary vocabularyBook() {
        return new DynamoVocabulary(clients.dynamoDb(), env.require("TABLE_NAME"));
    }

    /** The time every use case of this function takes (the system's, or the local run's: {@link TimeSource}). */
    public Clock clock() {
        return TimeSource.clock();
    }

    public Env env() {
        return env;
    }

    public AwsClients clients() {
        return clients;
    }

    public DynamoStore store() {
        return new DynamoStore(clients.dynamoDb(), env.require("TABLE_NAME"));
    }

    public DynamoMissionActivity missionActivity() {
        return new DynamoMissionActivity(clients.dynamoDb(), env.require("TABLE_NAME"));
    }

    /** The platform's counters (GET /admin/stats), kept from the stream. */
    public DynamoStats stats() {
        return new DynamoStats(clients.dynamoDb(), env.require("TABLE_NAME"));
    }

    /** The admins' desk: its queue index and its sign-in emails. */
    public DynamoAdmin adminDesk() {
        return new DynamoAdmin(clients.dynamoDb(), env.require("TABLE_NAME"));
    }

    /** What is due for missions after they are published (follow-up, last notice, closing by itself). */
    public DynamoMissionCalendar calendar() {
        return new DynamoMissionCalendar(new DynamoTable(clients.dynamoDb(), env.require("TABLE_NAME")));
    }

    /** Profiles' pauses and their availability calendar ({@code AVAIL#<day>} items). */
    public DynamoAvailability availability() {
        return new DynamoAvailability(new DynamoTable(clients.dynamoDb(), env.require("TABLE_NAME")));
    }

    /** Days without a sign of life before "still available?" (AVAILABILITY_CHECK_DAYS, 60 by default). */
    public java.time.Duration availabilityCheckAfter() {
        return java.time.Duration.ofDays(env.getInt("AVAILABILITY_CHECK_DAYS", 60));
    }

    public Tokens tokens() {
        try (var secrets = clients.secretsManager()) {
            return new Tokens(SecretsManagerKey.read(secrets, env.require("SIGNING_KEY_SECRET_ARN")), clock());
        }
    }

    public SesEmailSender emailSender() {
        // recipients see the platform's name beside the address (SES takes "Name <address>")
        return new SesEmailSender(clients.ses(), Mailbox.format(Emails.SENDER_NAME, env.require("SENDER_EMAIL")),
                env.get("SES_CONFIGURATION_SET").orElse(null));
    }

    public Links links() {
        return new Links(env.require("WEB_BASE_URL"), env.require("API_BASE_URL"));
    }

    public List<String> adminEmails() {
        return Arrays.stream(env.get("ADMIN_EMAILS", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Matching as the matching functions and the sweep run it, on this store. */
    public MatchingService matching(DynamoStore store) {
        return new MatchingService(store.profiles(), store.missions(), store.matches(), new Matcher(Places.france()), clock(),
                env.getInt("MAX_MATCHES_PER_MISSION", 25), env.getInt("MAX_PROPOSALS_PER_WEEK", 5),
                id -> store.activity().counts(id).interested(), env.getInt("INTEREST_TARGET", 5));
    }

    /** Email delivery as the notifier and the sweep run it, on this store. */
    public NotificationService notifications(DynamoStore store) {
        return new NotificationService(store.outbox(), store.missions(), store.profiles(), store.matches(), store.suppressions(), emailSender(),
                new Emails(Places.france()), tokens(), links(), adminEmails(), clock(), missionActivity());
    }

    public boolean moderation() {
        String value = env.get("MODERATION", "on");
        if (!value.equals("on") && !value.equals("off")) {
            throw new IllegalStateException("Environment variable MODERATION must be on or off");
        }
        return value.equals("on");
    }
}
