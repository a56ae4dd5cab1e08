package org.socialdeclik.perf;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socialdeclik.local.Outbox;
import org.socialdeclik.local.SentEmail;

/**
 * The emails of a load run. While it runs, follows the local outbox (one cursor, so following
 * 20,000 emails costs as much as reading them once) and hands each client the token of its
 * verification email. At the end, {@link #tally} sorts what {@code GET /_local/emails} answered
 * into what was expected and what went wrong: an expected email never sent is <em>missing</em>;
 * every message beyond the first for one outbox item (one kind, one recipient, one mission) is
 * <em>doubled</em>, whether it carries the same token (the same message sent again) or a new one
 * (the item rendered twice).
 */
final class EmailLedger implements AutoCloseable {
    /** The first link of an email that says which outbox item it comes from. */
    private static final Pattern LINK = Pattern.compile(
            "/(verify|manage-mission|interest)\\?(?:mission=([A-Za-z0-9._~%-]+)&)?token=([A-Za-z0-9._~%-]+)");

    /**
     * The subjects of the organisation's matching report (French or English), which links to the
     * mission's page as the confirmation does: the subject tells them apart.
     */
    private static final Pattern REPORT_SUBJECT = Pattern.compile(
            "^(Votre mission .* a été proposée à |Personne ne correspond encore à votre mission |"
                    + "Your mission .* was proposed to |Nobody fits your mission )");

    enum Kind { VERIFY, CONFIRMATION, REPORT, PROPOSAL, OTHER }

    /** What one email is: the outbox item it stands for (kind, recipient, mission) and its token. */
    record Item(Kind kind, String recipient, String mission) {}

    private final Outbox outbox;
    private final Map<String, CompletableFuture<String>> verifyTokens = new ConcurrentHashMap<>();
    private final Thread follower;
    private final Map<String, Integer> verifications = new HashMap<>();
    private volatile boolean closed;
    private volatile int seen;
    private volatile int doubledVerifications;
    private volatile int proposals;
    private volatile long lastProposalAt;

    EmailLedger(Outbox outbox) {
        this.outbox = outbox;
        this.follower = new Thread(this::follow, "load-emails");
        this.follower.setDaemon(true);
        this.follower.start();
    }

    /** The token of the first verification email to this address, once it is sent. */
    CompletableFuture<String> verifyToken(String address) {
        return verifyTokens.computeIfAbsent(address, a -> new CompletableFuture<>());
    }

    /** How many emails SES accepted so far. */
    int seen() {
        return seen;
    }

    /** Verification emails so far beyond the first to one address. */
    int doubledVerifications() {
        return doubledVerifications;
    }

    /** Proposal emails so far. */
    int proposals() {
        return proposals;
    }

    /** Seconds from {@code since} (System.nanoTime) to the last proposal seen. */
    double lastProposalSeconds(long since) {
        return (lastProposalAt - since) / 1e9;
    }

    private void follow() {
        int cursor = 0;
        while (!closed) {
            List<SentEmail> fresh;
            try {
                fresh = outbox.awaitAfter(cursor, Duration.ofMillis(500));
            } catch (InterruptedException e) {
                return;
            }
            for (SentEmail email : fresh) {
                Classified classified = classify(email.to(), email.subject(), email.text());
                Item item = classified.item();
                if (item.kind() == Kind.VERIFY) {
                    verifyToken(item.recipient()).complete(classified.token());
                    if (verifications.merge(item.recipient(), 1, Integer::sum) > 1) {
                        doubledVerifications++;
                    }
                } else if (item.kind() == Kind.PROPOSAL) {
                    proposals++;
                    lastProposalAt = System.nanoTime();
                }
            }
            cursor += fresh.size();
            seen = cursor;
        }
    }

    record Classified(Item item, String token) {}

    static Classified classify(List<String> to, String subject, String text) {
        String recipient = String.join(",", to);
        Matcher link = LINK.matcher(text == null ? "" : text);
        if (!link.find()) {
            return new Classified(new Item(Kind.OTHER, recipient, null), null);
        }
        Kind kind = switch (link.group(1)) {
            case "verify" -> Kind.VERIFY;
            case "manage-mission" -> subject != null && REPORT_SUBJECT.matcher(subject).find() ? Kind.REPORT
                    : Kind.CONFIRMATION;
            default -> Kind.PROPOSAL;
        };
        String mission = link.group(2) == null ? null : URLDecoder.decode(link.group(2), StandardCharsets.UTF_8);
        return new Classified(new Item(kind, recipient, mission), URLDecoder.decode(link.group(3), StandardCharsets.UTF_8));
    }

    /**
     * @param total      emails listed
     * @param missing    expected items with no email
     * @param doubled    messages beyond the first for one item
     * @param sameToken  of those, how many repeated a message already sent (same token)
     * @param unexpected emails for no expected item
     * @param byKind     emails per kind
     */
    record Tally(int total, int missing, int doubled, int sameToken, int unexpected, Map<Kind, Integer> byKind,
            List<Item> missingExamples, List<Item> doubledExamples) {}

    /** Sorts the emails of {@code GET /_local/emails} against the items that should each have had one. */
    static Tally tally(JsonNode emails, Set<Item> expected) {
        Map<Item, Integer> counts = new HashMap<>();
        Map<Item, Set<String>> tokens = new HashMap<>();
        Map<Kind, Integer> byKind = new java.util.EnumMap<>(Kind.class);
        int total = 0;
        for (JsonNode email : emails) {
            total++;
            List<String> to = new java.util.ArrayList<>();
            email.path("to").forEach(address -> to.add(address.asText()));
            Classified classified = classify(to, email.path("subject").asText(null), email.path("text").asText(null));
            counts.merge(classified.item(), 1, Integer::sum);
            tokens.computeIfAbsent(classified.item(), i -> new HashSet<>()).add(String.valueOf(classified.token()));
            byKind.merge(classified.item().kind(), 1, Integer::sum);
        }
        int missing = 0;
        List<Item> missingExamples = new java.util.ArrayList<>();
        for (Item item : expected) {
            if (!counts.containsKey(item)) {
                missing++;
                if (missingExamples.size() < 5) {
                    missingExamples.add(item);
                }
            }
        }
        int doubled = 0;
        int sameToken = 0;
        int unexpected = 0;
        List<Item> doubledExamples = new java.util.ArrayList<>();
        for (Map.Entry<Item, Integer> count : counts.entrySet()) {
            Item item = count.getKey();
            if (item.kind() != Kind.OTHER && count.getValue() > 1) {
                doubled += count.getValue() - 1;
                sameToken += count.getValue() - tokens.get(item).size();
                if (doubledExamples.size() < 5) {
                    doubledExamples.add(item);
                }
            }
            if (!expected.contains(item)) {
                unexpected += count.getValue();
            }
        }
        return new Tally(total, missing, doubled, sameToken, unexpected, byKind, missingExamples, doubledExamples);
    }

    @Override
    public void close() {
        closed = true;
        follower.interrupt();
    }
}
