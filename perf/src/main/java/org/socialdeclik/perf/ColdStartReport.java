package org.socialdeclik.perf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The cold-start bench's tables: per variant, each package's size and start times. */
final class ColdStartReport {
    private ColdStartReport() {}

    /** What the folder weighs once zipped as sam deploy zips it (deflate), in bytes. */
    static long zipSize(Path dir) throws IOException {
        long[] count = {0};
        OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count[0] += len;
            }
        };
        try (ZipOutputStream zip = new ZipOutputStream(counter); Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(dir.relativize(file).toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return count[0];
    }

    /** Prints each variant's table, then the last line the bench is compared by. */
    static void print(List<ColdStartBench.Target> targets, Map<String, Map<String, List<ColdStartBench.Start>>> results,
                      ColdStartEvents events, int runs) throws IOException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (ColdStartBench.Target target : targets) {
            sizes.put(target.name(), zipSize(target.dir()));
        }
        String last = null;
        for (Map.Entry<String, Map<String, List<ColdStartBench.Start>>> variant : results.entrySet()) {
            System.out.println();
            System.out.printf(Locale.ROOT, "variant %s: %d fresh starts per package, medians (min-max), ms%n",
                    variant.getKey(), runs);
            System.out.printf(Locale.ROOT, "| %-26s | %9s | %-17s | %-15s | %10s | %-32s |%n", "function", "zip MB",
                    "init", "first invoke", "init+first", "event");
            System.out.println("|" + "-".repeat(28) + "|" + "-".repeat(11) + "|" + "-".repeat(19) + "|"
                    + "-".repeat(17) + "|" + "-".repeat(12) + "|" + "-".repeat(34) + "|");
            String heaviest = null;
            double heaviestInit = -1;
            double helloInit = Double.NaN;
            double helloStreamInit = Double.NaN;
            for (ColdStartBench.Target target : targets) {
                List<ColdStartBench.Start> starts = variant.getValue().get(target.name());
                Stats init = Stats.of(starts.stream().map(s -> s.report().initMs()).toList());
                Stats invoke = Stats.of(starts.stream().map(s -> s.report().invokeMs()).toList());
                Stats total = Stats.of(starts.stream().map(s -> s.report().initMs() + s.report().invokeMs()).toList());
                long failures = starts.stream().filter(ColdStartBench.Start::handlerFailed).count();
                System.out.printf(Locale.ROOT, "| %-26s | %9.2f | %-17s | %-15s | %10s | %-32s |%n",
                        target.name() + (failures > 0 ? " (" + failures + " failed)" : ""),
                        sizes.get(target.name()) / 1_000_000.0,
                        Stats.ms(init.median()) + " (" + Stats.ms(init.min()) + "-" + Stats.ms(init.max()) + ")",
                        Stats.ms(invoke.median()) + " (" + Stats.ms(invoke.min()) + "-" + Stats.ms(invoke.max()) + ")",
                        Stats.ms(total.median()), ColdStartBench.isHello(target.name()) ? "{\"hello\":\"world\"}"
                                : events.sampleName(target.name()));
                if (target.name().equals(ColdStartBench.HELLO)) {
                    helloInit = init.median();
                } else if (target.name().equals(ColdStartBench.HELLO_STREAM)) {
                    helloStreamInit = init.median();
                } else if (init.median() > heaviestInit) {
                    heaviestInit = init.median();
                    heaviest = target.name();
                }
            }
            last = String.format(Locale.ROOT, "cold-start: heaviest %s init %.0f ms, hello-world %.0f ms, ratio %.2f",
                    heaviest, heaviestInit, helloInit, heaviestInit / helloInit);
            System.out.printf(Locale.ROOT, "[%s] against the stream-handler floor: hello-stream %.0f ms, ratio %.2f%n",
                    variant.getKey(), helloStreamInit, heaviestInit / helloStreamInit);
            System.out.println("[" + variant.getKey() + "] " + last);
        }
        System.out.println();
        System.out.println(last);
    }
}
