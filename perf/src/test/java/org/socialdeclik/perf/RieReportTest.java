package org.socialdeclik.perf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RieReportTest {
    static final String LOG = """
            27 Nov 2026 21:49:29,000 [INFO] (rapid) INIT START(type: on-demand, phase: init)
            27 Nov 2026 21:49:29,818 [INFO] (rapid) INIT RTDONE(status: success)
            27 Nov 2026 21:49:29,818 [INFO] (rapid) INIT REPORT(durationMs: 817.942000)
            27 Nov 2026 21:49:29,818 [INFO] (rapid) INVOKE START(requestId: 3da99bfa)
            27 Nov 2026 21:49:29,852 [INFO] (rapid) INVOKE RTDONE(status: success, produced bytes: 0, duration: 34.246000ms)
            REPORT RequestId: 3da99bfa\tInit Duration: 0.03 ms\tDuration: 852.41 ms\tBilled Duration: 853 ms
            """;

    @Test
    void readsInitFromTheEmulatorsInitReportWhenTheReportLineHoldsAPlaceholder() {
        RieReport report = RieReport.parse(LOG).orElseThrow();

        assertThat(report.initMs()).isEqualTo(817.942);
        assertThat(report.invokeMs()).isEqualTo(34.246);
        assertThat(report.succeeded()).isTrue();
    }

    @Test
    void prefersARealInitDurationOnTheReportLine() {
        RieReport report = RieReport.parse(LOG.replace("Init Duration: 0.03 ms", "Init Duration: 812.50 ms")).orElseThrow();

        assertThat(report.initMs()).isEqualTo(812.5);
    }

    @Test
    void isNotThereBeforeTheInvocationEnds() {
        assertThat(RieReport.parse(LOG.substring(0, LOG.indexOf("27 Nov 2026 21:49:29,852")))).isEmpty();
    }

    @Test
    void reportsAFailedInvocation() {
        RieReport report = RieReport.parse(LOG.replace("INVOKE RTDONE(status: success", "INVOKE RTDONE(status: error"))
                .orElseThrow();

        assertThat(report.succeeded()).isFalse();
    }
}
