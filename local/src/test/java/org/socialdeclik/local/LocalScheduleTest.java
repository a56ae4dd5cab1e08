package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalScheduleTest {
    @Test
    void aRateExpressionGivesItsPeriod() {
        assertThat(LocalSchedule.period("rate(5 minutes)")).contains(Duration.ofMinutes(5));
        assertThat(LocalSchedule.period("rate(1 hour)")).contains(Duration.ofHours(1));
        assertThat(LocalSchedule.period("rate(2 days)")).contains(Duration.ofDays(2));
    }

    @Test
    void aCronExpressionHasNoFixedPeriod() {
        assertThat(LocalSchedule.period("cron(0 8 ? * MON *)")).isEmpty();
    }
}
