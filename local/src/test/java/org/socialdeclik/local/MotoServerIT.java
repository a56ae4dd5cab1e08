package org.socialdeclik.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The emulator the local run starts itself when no AWS_ENDPOINT_URL is given (make run). */
class MotoServerIT {
    @Test
    void startsOnALoopbackPortAndLeavesNothingBehindWhenClosed() {
        Path binary = MotoServer.locate(null, Path.of(""));
        MotoServer moto = MotoServer.start(binary, Duration.ofSeconds(60));
        long pid = moto.pid();
        int port = moto.endpoint().getPort();
        try {
            assertThat(moto.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(MotoServer.answers(port)).isTrue();
        } finally {
            moto.close();
        }

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(MotoServer.answers(port)).isFalse();
    }
}
