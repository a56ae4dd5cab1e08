package org.socialdeclik.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertThat(Stats.of(List.of(5.0, 1.0, 3.0)).median()).isEqualTo(3.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(Stats.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
    }

    @Test
    void percentileIsTheNearestRank() {
        List<Double> hundred = java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList();
        assertThat(Stats.of(hundred).percentile(99)).isEqualTo(99.0);
        assertThat(Stats.of(hundred).percentile(50)).isEqualTo(50.0);
        assertThat(Stats.of(List.of(7.0)).percentile(99)).isEqualTo(7.0);
    }

    @Test
    void anEmptySampleHasNoMedian() {
        assertThat(Stats.of(List.of()).median()).isNaN();
    }

    @Test
    void aPercentileOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> Stats.of(List.of(1.0)).percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
