package org.socialdeclik.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Monday 08:00 (Paris) a WEEKLY freelancer's proposals wait for, winter and summer time alike. */
class ProposalFrequencyTest {
    @ParameterizedTest(name = "after {0}: {1}")
    @CsvSource({
        // winter time (UTC+1): 08:00 in Paris is 07:00 UTC
        "2026-12-09T10:00:00Z, 2026-12-14T07:00:00Z",   // a Wednesday: the coming Monday
        "2026-12-13T23:30:00Z, 2026-12-14T07:00:00Z",   // Sunday in UTC, already Monday 00:30 in Paris
        "2026-12-14T06:59:59Z, 2026-12-14T07:00:00Z",   // Monday just before 08:00 in Paris: the same morning
        "2026-12-14T07:00:00Z, 2026-12-21T07:00:00Z",   // Monday 08:00 exactly: strictly after, so next week
        "2026-12-14T16:00:00Z, 2026-12-21T07:00:00Z",   // Monday afternoon: next week
        // summer time begins on Sunday 28 March 2027: the Monday after is at 06:00 UTC
        "2027-03-25T12:00:00Z, 2027-03-29T06:00:00Z",
        "2027-03-28T01:30:00Z, 2027-03-29T06:00:00Z",   // in the hour that does not exist in Paris
        "2027-03-22T07:00:00Z, 2027-03-29T06:00:00Z",   // a Monday in winter time to the next in summer time
        // winter time again on Sunday 31 October 2027
        "2027-10-29T09:00:00Z, 2027-11-01T07:00:00Z",
        "2027-10-25T06:00:00Z, 2027-11-01T07:00:00Z",   // a Monday 08:00 in summer time to the next in winter time
    })
    void the_next_digest_is_the_first_monday_8_in_paris_strictly_after(String after, String expected) {
        assertThat(ProposalFrequency.nextDigest(Instant.parse(after))).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"2026-12-14T07:00:00Z", "2027-03-29T06:00:00Z", "2027-11-01T07:00:00Z"})
    void every_digest_is_a_monday_at_8_in_paris(String digest) {
        var local = Instant.parse(digest).atZone(ProposalFrequency.DIGEST_ZONE);
        assertThat(local.getDayOfWeek()).isEqualTo(ProposalFrequency.DIGEST_DAY);
        assertThat(local.toLocalTime()).isEqualTo(ProposalFrequency.DIGEST_TIME);
    }
}
