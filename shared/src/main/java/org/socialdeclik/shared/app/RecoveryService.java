package org.socialdeclik.shared.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.ports.EmailSender;
import org.socialdeclik.shared.ports.FailureQueue;
import org.socialdeclik.shared.ports.MissionRepository;
import org.socialdeclik.shared.ports.ProfileRepository;
import org.socialdeclik.shared.ports.StoredMission;
import org.socialdeclik.shared.ports.StoredProfile;
import org.socialdeclik.shared.ports.WorkLedger;

/**
 * The sweep: recovery that does not depend on the stream. The work ledger lists what should have
 * happened (emails to send, missions and profile versions to match); whatever is still there a
 * little after it was recorded is done here, once, through the same use cases and claims as the
 * stream consumers: an email is claimed before it is sent and a pair is proposed at most once.
 * Then the failure queue's messages are accounted for: a parked batch whose records were all
 * recorded before the oldest work still open has been made good, and its message is deleted.
 *
 * <p>It stops early when SES refuses for the whole account (throttled, paused): the next run goes
 * on, and nothing is lost meanwhile.
 */
public final class RecoveryService {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryService.class);
    /** Leeway between the clock of a function that records work and the stream's arrival times. */
    private static final Duration CLOCK_LEEWAY = Duration.ofMinutes(1);
    private static final int FAILURE_MESSAGES_PER_RUN = 100;

    /**
     * @param pendingAfter    work younger than this is left to the stream consumers
     * @param staleClaimAfter an email claimed this long ago with no evidence of acceptance is sent again
     * @param lookback        how far back the ledger is read (its retention)
     * @param batch           most pieces of work taken in one run
     */
    public record Settings(Duration pendingAfter, Duration staleClaimAfter, Duration lookback, int batch) {}

    /** What one run did. */
    public record Report(int emailsSent, int emailsConfirmed, int emailsWaiting, int missionsMatched, int profilesMatched,
                         int cleared, boolean sesRefusing, int failuresAccounted, int failuresOpen) {
        @Override
        public String toString() {
            return "emails sent " + emailsSent + ", confirmed from SES's send events " + emailsConfirmed
                    + ", waiting " + emailsWaiting + (sesRefusing ? " (SES refusing)" : "")
                    + "; missions matched " + missionsMatched + "; profiles matched " + profilesMatched
                    + "; cleared " + cleared + "; failure-queue messages accounted for " + failuresAccounted
                    + ", still open " + failuresOpen;
        }
    }

    private final WorkLedger ledger;
    private final NotificationService notifier;
    private final MatchingService matching;
    private final MissionRepository missions;
    private final ProfileRepository profiles;
    private final FailureQueue failures;
    private final Clock clock;
    private final Settings settings;

    public RecoveryService(WorkLedger ledger, NotificationService notifier, MatchingService matching,
                           MissionRepository missions, ProfileRepository profiles, FailureQueue failures,
                           Clock clock, Settings settings) {
        this.ledger = ledger;
        this.notifier = notifier;
        this.matching = matching;
        this.missions = missions;
        this.profiles = profiles;
        this.failures = failures;
        this.clock = clock;
        this.settings = settings;
    }

    private static final class Tally {
        int sent;
        int confirmed;
        int waiting;
        int missions;
        int profiles;
        int cleared;
        boolean sesRefusing;
    }

    /** One run; {@code timeLeft} says whether there is time for one more piece of work. */
    public Report sweep(BooleanSupplier timeLeft) {
        Instant now = Instant.now(clock);
        List<WorkLedger.Work> open = ledger.openWork(now.minus(settings.pendingAfter()), settings.lookback(),
                settings.batch());
        Tally tally = new Tally();
        for (WorkLedger.Work work : open) {
            if (!timeLeft.getAsBoolean()) {
                break;
            }
            try {
                switch (work.kind()) {
                    case OUTBOX -> email(work, tally);
                    case MISSION -> mission(work, tally);
                    case PROFILE -> profile(work, tally);
                }
            } catch (RuntimeException e) {
                LOG.error("sweep: {} work failed ({}), left for the next run", work.kind(), e.getClass().getName(), e);
                if (work.kind() == WorkLedger.Kind.OUTBOX) {
                    tally.waiting++;
                }
            }
        }
        int[] accounted = failures == null ? new int[2] : accountForFailures(timeLeft);
        Report report = new Report(tally.sent, tally.confirmed, tally.waiting, tally.missions, tally.profiles, tally.cleared,
                tally.sesRefusing, accounted[0], accounted[1]);
        LOG.info("sweep: {} ({} piece(s) of open work read)", report, open.size());
        return report;
    }

    private void email(WorkLedger.Work work, Tally tally) {
        if (tally.sesRefusing) {
            tally.waiting++;
            return;
        }
        NotificationService.Outcome outcome;
        try {
            outcome = notifier.deliverLate(work.id(), settings.staleClaimAfter());
        } catch (EmailSender.NotAccepted e) {
            tally.waiting++;
            tally.sesRefusing |= e.wholeAccount();
            LOG.warn("sweep: SES refused an email ({}){}", e.getMessage(),
                    e.wholeAccount() ? "; no more emails this run" : "");
            return;
        }
        switch (outcome) {
            case SENT -> tally.sent++;
            case CONFIRMED -> tally.confirmed++;
            case MOOT -> tally.cleared++;
            case DONE, GONE -> {
                ledger.done(work);
                tally.cleared++;
            }
            case UNCONFIRMED, NOT_DUE, TAKEN -> tally.waiting++;
        }
    }

    private void mission(WorkLedger.Work work, Tally tally) {
        Optional<StoredMission> mission = missions.findMission(work.id());
        if (mission.isPresent() && mission.get().status() == MissionStatus.PUBLISHED) {
            matching.missionPublished(mission.get().mission());
            tally.missions++;
        } else {
            tally.cleared++; // closed, rejected or gone: nothing to match any more
        }
        ledger.done(work);
    }

    private void profile(WorkLedger.Work work, Tally tally) {
        Optional<StoredProfile> profile = profiles.findProfile(work.id());
        // the work is about the version stored when it was recorded: the change's own, or the same
        // version indexed again later (a word taught on the admins' desk); a change since has its own
        if (profile.isPresent() && profile.get().matchable() && !profile.get().updatedAt().isAfter(work.at())) {
            matching.profileActive(profile.get().profile());
            tally.profiles++;
        } else {
            tally.cleared++; // changed since (the new version has its own work), paused, gone
        }
        ledger.done(work);
    }

    /** [accounted for, still open] */
    private int[] accountForFailures(BooleanSupplier timeLeft) {
        int accounted = 0;
        int open = 0;
        Set<String> seen = new HashSet<>();
        while (seen.size() < FAILURE_MESSAGES_PER_RUN && timeLeft.getAsBoolean()) {
            List<FailureQueue.Parked> batch = failures.receive(10);
            if (batch.isEmpty() || !seen.add(batch.get(0).messageId())) {
                break;
            }
            for (FailureQueue.Parked parked : batch) {
                seen.add(parked.messageId());
                boolean made = parked.lastRecordArrival() != null && ledger.openWork(
                        parked.lastRecordArrival().plus(CLOCK_LEEWAY), settings.lookback(), 1).isEmpty();
                if (made) {
                    failures.delete(parked);
                    accounted++;
                    LOG.info("sweep: failure-queue message of {} ({} record(s), last at {}) accounted for: the work "
                            + "they stood for is done", parked.function(), parked.records(), parked.lastRecordArrival());
                } else {
                    open++;
                }
            }
        }
        return new int[] {accounted, open};
    }
}
