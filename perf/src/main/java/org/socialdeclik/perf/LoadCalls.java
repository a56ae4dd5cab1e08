package org.socialdeclik.perf;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Every API call of a load run: its route, when it ended and how long it took at the client. */
final class LoadCalls {
    private record Call(String route, long endedAt, double millis) {}

    private final List<Call> calls = new ArrayList<>();

    /**
     * Makes the call and records how long it took. A call that gets no answer (the client's
     * timeout, a refused connection) counts with the time it took, as status 0.
     */
    LocalApi.Answer timed(String route, Supplier<LocalApi.Answer> call) {
        long start = System.nanoTime();
        LocalApi.Answer answer;
        try {
            answer = call.get();
        } catch (UncheckedIOException e) {
            answer = new LocalApi.Answer(0, null, (System.nanoTime() - start) / 1e6);
        }
        synchronized (calls) {
            calls.add(new Call(route, System.nanoTime(), answer.millis()));
        }
        return answer;
    }

    /** The calls that ended in [from, to) (System.nanoTime). */
    Stats between(long from, long to) {
        List<Double> values = new ArrayList<>();
        synchronized (calls) {
            for (int i = calls.size() - 1; i >= 0 && calls.get(i).endedAt() >= from; i--) {
                if (calls.get(i).endedAt() < to) {
                    values.add(calls.get(i).millis());
                }
            }
        }
        return Stats.of(values);
    }

    /** The calls of these routes. */
    Stats of(String... routes) {
        List<String> wanted = List.of(routes);
        List<Double> values = new ArrayList<>();
        synchronized (calls) {
            calls.stream().filter(c -> wanted.contains(c.route())).forEach(c -> values.add(c.millis()));
        }
        return Stats.of(values);
    }

    /** The calls of each route, by route. */
    Map<String, Stats> routes() {
        Map<String, List<Double>> byRoute = new TreeMap<>();
        synchronized (calls) {
            calls.forEach(c -> byRoute.computeIfAbsent(c.route(), r -> new ArrayList<>()).add(c.millis()));
        }
        Map<String, Stats> stats = new TreeMap<>();
        byRoute.forEach((route, values) -> stats.put(route, Stats.of(values)));
        return stats;
    }
}
