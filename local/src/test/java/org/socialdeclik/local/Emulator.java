package org.socialdeclik.local;

import java.net.URI;

/** The emulator the integration tests use: the one scripts/with-moto.sh started. */
final class Emulator {
    private Emulator() {
    }

    static URI endpoint() {
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException("Integration tests need the emulator: run them through "
                    + "scripts/with-moto.sh (which sets AWS_ENDPOINT_URL), e.g. "
                    + "scripts/with-moto.sh mvn verify -DskipITs=false -pl local -am");
        }
        return URI.create(endpoint);
    }
}
