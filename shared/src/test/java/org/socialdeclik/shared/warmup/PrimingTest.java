package org.socialdeclik.shared.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.aws.StoredJson;
import org.socialdeclik.shared.domain.Mission;

class PrimingTest {

    @Test
    void runsTheRequestPathBeforeACheckpoint() {
        AtomicInteger runs = new AtomicInteger();
        Priming priming = Priming.register("test", runs::incrementAndGet);

        priming.beforeCheckpoint(null);

        assertThat(runs).hasValue(1);
    }

    @Test
    void onlyAnInitThatEndsInASnapshotRegistersWithCrac() {
        assertThat(Priming.beforeSnapshot("snap-start")).isTrue();
        assertThat(Priming.beforeSnapshot("on-demand")).isFalse();
        assertThat(Priming.beforeSnapshot("provisioned-concurrency")).isFalse();
        assertThat(Priming.beforeSnapshot(null)).isFalse();
    }

    @Test
    void aFailingPathIsReportedAndNeverThrown() {
        Priming priming = Priming.register("test", () -> {
            throw new IllegalStateException("the table is not there");
        });

        assertThat(priming.prime()).isFalse();
    }

    @Test
    void theUnmatchableMissionIsAValidMissionWithOnlyAnUnknownSkill() {
        Mission mission = StoredJson.mission(Priming.UNMATCHABLE_MISSION);

        assertThat(mission.skills()).containsExactly("zz-priming-only");
    }

    @Test
    void httpEventsCarryTheirRouteKeyPathAndJsonBody() {
        var event = Priming.http("GET /missions/{id}", Map.of("id", "m-1"), null);

        assertThat(event.getRouteKey()).isEqualTo("GET /missions/{id}");
        assertThat(event.getRawPath()).isEqualTo("/missions/{id}");
        assertThat(event.getPathParameters()).containsEntry("id", "m-1");
        assertThat(event.getBody()).isNull();
    }

    @Test
    void absentIdsAreNeverTheSameTwice() {
        assertThat(Priming.absentId()).startsWith("priming-").isNotEqualTo(Priming.absentId());
    }

    @Test
    void aServerErrorOnThePrimedRouteMakesThePrimingFail() {
        var failing = com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse.builder().withStatusCode(500).build();
        Priming priming = Priming.register("test", () -> Priming.answered(failing));

        assertThat(priming.prime()).isFalse();
    }

    @Test
    void aClientErrorOnThePrimedRouteIsWhatPrimingExpects() {
        var rejected = com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse.builder().withStatusCode(400).build();

        assertThat(Priming.answered(rejected)).isSameAs(rejected);
    }
}
